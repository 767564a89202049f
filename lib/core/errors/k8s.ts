// Errors raised by lib/k8s. Every factory builds its message with configurationError().
export {};
