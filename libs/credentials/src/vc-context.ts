/** The W3C Verifiable Credentials Data Model 2.0 base context. */
export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
