// Errors raised by lib/azure. Every factory builds its message with configurationError().
export {};
