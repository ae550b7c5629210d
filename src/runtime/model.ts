/**
 * Types for a service's operation table. The tables are botocore's own service models,
 * trimmed to the operations awslab simulates (test/tools/extract-model.mjs writes them),
 * so member names, member order, required members, enums and HTTP bindings are AWS's.
 * The CLI parser, help, lab validation and the HTTP endpoint all read this one table.
 */
export type ShapeType =
  | 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'boolean'
  | 'timestamp' | 'blob' | 'float' | 'double';

export interface MemberRef {
  shape: string;
  location?: 'header' | 'headers' | 'querystring' | 'uri' | 'statusCode';
  locationName?: string;
  xmlNamespace?: { uri: string; prefix?: string };
  xmlAttribute?: boolean;
  flattened?: boolean;
  streaming?: boolean;
  hostLabel?: boolean;
  timestampFormat?: string;
  queryName?: string;
  deprecated?: boolean;
  documentation?: string;
}

export interface Shape {
  type: ShapeType;
  required?: string[];
  members?: Record<string, MemberRef>;
  member?: MemberRef;
  key?: MemberRef;
  value?: MemberRef;
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  payload?: string;
  flattened?: boolean;
  timestampFormat?: string;
  streaming?: boolean;
  exception?: boolean;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
  sensitive?: boolean;
  locationName?: string;
  documentation?: string;
}

export interface Paginator {
  input_token: string | string[];
  output_token: string | string[];
  limit_key?: string;
  more_results?: string;
  result_key: string | string[];
  non_aggregate_keys?: string[];
}

export interface OperationModel {
  name: string;
  http: { method: string; requestUri: string; responseCode?: number };
  input?: { shape: string; locationName?: string };
  output?: { shape: string };
  errors: string[];
  documentation?: string;
  paginator?: Paginator;
}

/** botocore's waiter model (waiters-2.json): poll `operation` until an acceptor decides. */
export interface Waiter {
  operation: string;
  /** Seconds between attempts. */
  delay: number;
  maxAttempts: number;
  description?: string;
  acceptors: WaiterAcceptor[];
}

export interface WaiterAcceptor {
  state: 'success' | 'failure' | 'retry';
  matcher: 'path' | 'pathAll' | 'pathAny' | 'status' | 'error';
  /** The JMESPath expression of the path matchers. */
  argument?: string;
  expected: unknown;
}

export interface ServiceModel {
  metadata: {
    apiVersion: string;
    endpointPrefix: string;
    protocol: 'rest-xml' | 'rest-json' | 'json' | 'query' | 'ec2';
    serviceFullName: string;
    serviceId: string;
    signingName?: string;
    targetPrefix?: string;
    jsonVersion?: string;
    [key: string]: unknown;
  };
  operations: Record<string, OperationModel>;
  shapes: Record<string, Shape>;
  /** The service's waiters whose operation is simulated, by name (`BucketExists`). */
  waiters?: Record<string, Waiter>;
}
