/** The IAM policy engine: pure functions over policy documents, shared by IAM, STS, S3 and the world. */
export type { Principal, AuthorizationRequest, PolicySource, DecidingStatement, Decision } from './types.js';
export { evaluate } from './evaluate.js';
export { parsePolicy, parsePolicyText, PolicyDocumentError, type PolicyDocument, type PolicyKind, type Statement } from './document.js';
