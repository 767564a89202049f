// Errors raised by lib/aws. Every factory builds its message with configurationError().
export {};
