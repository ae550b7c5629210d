/**
 * The simulated Amazon EC2 and VPC: AWS's operation table (botocore's model, trimmed to the
 * operations awslab simulates) and, per concept, a module with its thin handlers. EC2 is
 * regional: every region has its own default VPC and resources.
 */
import { defineService } from '../service.js';
import type { ServiceModel } from '../model.js';
import model from './model.json' with { type: 'json' };
import type { Ec2State } from './context.js';
import { createEc2RegionState } from './state.js';
import { vpcOperations } from './vpcs.js';
import { subnetOperations } from './subnets.js';
import { securityGroupOperations } from './security-groups.js';
import { networkAclOperations } from './network-acls.js';
import { internetGatewayOperations } from './internet-gateways.js';
import { addressOperations } from './addresses.js';
import { routeTableOperations } from './route-tables.js';
import { natGatewayOperations, natGatewayTasks } from './nat-gateways.js';
import { instanceOperations, instanceTasks } from './instances.js';
import { catalogueOperations } from './catalogue.js';
import { keyPairOperations } from './key-pairs.js';
import { tagOperations } from './tags.js';

export const ec2 = defineService<Ec2State>({
  name: 'ec2',
  model: model as unknown as ServiceModel,
  createState: createEc2RegionState,
  operations: {
    ...vpcOperations,
    ...subnetOperations,
    ...securityGroupOperations,
    ...networkAclOperations,
    ...internetGatewayOperations,
    ...addressOperations,
    ...routeTableOperations,
    ...natGatewayOperations,
    ...instanceOperations,
    ...catalogueOperations,
    ...keyPairOperations,
    ...tagOperations,
  },
  // Status checks read the faults as they stand (describe-instance-status, the probe), so the
  // reactions have nothing to change; declaring them is what makes these faults usable.
  faults: {
    'instance-failure': { targets: (state) => [...state.instances.values()].filter((i) => i.State !== 'terminated').map((i) => i.InstanceId), react: () => undefined },
    'zone-outage': { react: () => undefined },
  },
  tasks: {
    ...natGatewayTasks,
    ...instanceTasks,
  },
});
