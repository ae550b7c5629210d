/** The IAM policy engine: pure functions over policy documents, shared by IAM, STS, S3 and the world. */
export type { Principal, AuthorizationRequest, PolicySource } from './types.js';
export { evaluate } from './evaluate.js';
export { parsePolicyText, PolicyDocumentError, type PolicyKind } from './document.js';
