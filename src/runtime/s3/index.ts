import { defineService } from '../service.js';
import type { ServiceModel } from '../model.js';
import model from './model.json' with { type: 'json' };

// Placeholder until the S3 concept files land: the operation table is complete, the handlers are not.
export const s3 = defineService({
  name: 's3',
  model: model as unknown as ServiceModel,
  global: true,
  createState: () => ({}),
  operations: {},
});
