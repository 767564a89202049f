// Errors raised by lib/helm. Every factory builds its message with configurationError().
export {};
