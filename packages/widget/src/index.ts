/**
 * `@ikrar/widget`: registers `<ikrar-netralitas>` and exports its class, events and errors.
 *
 * @module
 * @example
 * ```ts
 * import '@ikrar/widget';
 * ```
 */
export * from './component.js';
export * from './components/ikrar-netralitas/ikrar-netralitas.js';
