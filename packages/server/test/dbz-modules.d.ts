// Minimal types for the untyped Digital Bazaar test peers.
declare module 'jsonld-signatures';
declare module '@digitalbazaar/data-integrity';
declare module '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
