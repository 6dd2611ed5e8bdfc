// Minimal types for the untyped Digital Bazaar test peers.
declare module 'jsonld-signatures';
declare module 'jsonld';
declare module '@digitalbazaar/data-integrity';
declare module '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
declare module '@digitalbazaar/ed25519-multikey';
declare module '@digitalbazaar/vc';
declare module '@digitalbazaar/vc-bitstring-status-list';
