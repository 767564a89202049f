// Errors raised by the declaration layer (lib/core/declaration) and its renderers.
export {};
