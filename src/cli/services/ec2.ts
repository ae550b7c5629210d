import type { CliArgument } from '../arguments.js';
import { paramFailure } from '../errors.js';
import { PythonError, pyInt } from '../python/builtins.js';
import type { ServiceCall, ServiceCustomisation } from './hooks.js';

/**
 * EC2 in the CLI, ported from awscli/customizations/ec2/: the security-group short form
 * (secgroupsimplify.py: --protocol, --port, --cidr, --source-group, --group-owner build one
 * IpPermissions entry), run-instances' --count (addcount.py) and protocol names for network
 * ACL entries (protocolarg.py). Every check here is client-side: the real CLI refuses before
 * it sends anything, with exit status 252.
 *
 * Also toplevelbool.py (`--x | --no-x` for a boolean Value structure) and runinstances.py
 * (the network interface shortcuts). Left out: paginate.py's PageSize injection, whose
 * operations (describe-volumes, describe-snapshots) are not simulated.
 */
export const EC2_CLI: ServiceCustomisation = {
  service: 'ec2',
  customiseArguments,
  argumentsParsed,
  beforeParameterBuild,
};

const SECURITY_GROUP_OPERATIONS = new Set([
  'AuthorizeSecurityGroupIngress',
  'AuthorizeSecurityGroupEgress',
  'RevokeSecurityGroupIngress',
  'RevokeSecurityGroupEgress',
]);

/** The model arguments each short-form option stands for, which leave the help (`_UNDOCUMENTED`). */
const HIDDEN_BY_SHORT_FORM = new Set(['ip-protocol', 'from-port', 'to-port', 'cidr-ip', 'source-security-group-name', 'source-security-group-owner-id']);

/** secgroupsimplify.py's *_DOCS, as help prints them. */
const SHORT_FORM_DOCS = {
  protocol: 'The IP protocol: tcp | udp | icmp\n\n(VPC only) Use all to specify all protocols.\n\n' +
    'If this argument is provided without also providing the port argument, then it will be applied to all ports for the specified protocol.',
  port: 'For TCP or UDP: The range of ports to allow.  A single integer or a range (min-max).\n\n' +
    'For ICMP: A single integer or a range (type-code) representing the ICMP type number and the ICMP code number respectively. ' +
    'A value of -1 indicates all ICMP codes for all ICMP types. A value of -1 just for type indicates all ICMP codes for the specified ICMP type.',
  cidr: 'The IPv4 address range, in CIDR format.',
  sourceGroup: 'The name or ID of the source security group.',
  groupOwner: 'The AWS account ID that owns the source security group. Cannot be used when specifying a CIDR IP address.',
};

const COUNT_DOCS = 'Number of instances to launch. If a single number is provided, it is assumed to be the minimum to launch (defaults to 1).  ' +
  'If a range is provided in the form min:max then the first number is interpreted as the minimum number of instances to launch ' +
  'and the second is interpreted as the maximum number of instances to launch.';

function customiseArguments(operation: string, table: CliArgument[]): void {
  pullUpBooleans(table);
  if (SECURITY_GROUP_OPERATIONS.has(operation)) addShortForm(table);
  if (operation === 'RunInstances') {
    addCount(table);
    addInterfaceShortcuts(table);
  }
}

/**
 * toplevelbool.py: an EC2 argument whose shape is one boolean `Value`
 * (modify-subnet-attribute --map-public-ip-on-launch) becomes `--x` (or `--x Value=…`) and
 * `--no-x`, shown in help as one pair.
 */
function pullUpBooleans(table: CliArgument[]): void {
  for (let i = 0; i < table.length; i++) {
    const argument = table[i]!;
    const members = argument.shape?.type === 'structure' ? Object.keys(argument.shape.shape.members ?? {}) : [];
    if (argument.kind !== 'member' || argument.shape?.name !== 'AttributeBooleanValue' || members.join() !== 'Value') continue;
    const member = argument.memberName ?? '';
    const negative = `no-${argument.name}`;
    table.splice(i, 1, {
      ...argument, kind: 'custom', parse: { nargs: '?', const: true }, pairedWith: negative, helpType: 'structure',
      toParams: (params, value) => {
        params[member] = value === true ? { Value: true } : value;
      },
    }, {
      name: negative, kind: 'custom', required: false, documented: false, dest: `no_${argument.dest}`, parse: { kind: 'store_true' },
      toParams: (params, value) => {
        if (value === true) params[member] = { Value: false };
      },
    });
    i++;
  }
}

/** runinstances.py's docs, as help prints them. */
const INTERFACE_DOCS = {
  secondaryAddresses: '[EC2-VPC] A secondary private IP address for the network interface or instance. You can specify this multiple times to assign multiple secondary IP addresses.  ' +
    'If you want additional private IP addresses but do not need a specific address, use the --secondary-private-ip-address-count option.',
  secondaryCount: '[EC2-VPC] The number of secondary IP addresses to assign to the network interface or instance.',
  publicAddress: '[EC2-VPC] If specified a public IP address will be assigned to the new instance in a VPC.',
};

/**
 * runinstances.py: --secondary-private-ip-addresses, --secondary-private-ip-address-count and
 * --[no-]associate-public-ip-address each fill the first NetworkInterfaces entry (DeviceIndex 0).
 */
function addInterfaceShortcuts(table: CliArgument[]): void {
  insertBeforeGenericArguments(table,
    { ...custom('secondary-private-ip-addresses', INTERFACE_DOCS.secondaryAddresses, () => undefined), parse: { nargs: '*' },
      toParams: (params, value) => {
        if (Array.isArray(value) && value.length > 0) toInterface(params, 'PrivateIpAddresses', value.map((v) => ({ PrivateIpAddress: String(v), Primary: false })));
      } },
    { ...custom('secondary-private-ip-address-count', INTERFACE_DOCS.secondaryCount, () => undefined), parse: { type: 'int' },
      toParams: (params, value) => {
        if (value) toInterface(params, 'SecondaryPrivateIpAddressCount', value);
      } },
    { ...custom('associate-public-ip-address', INTERFACE_DOCS.publicAddress, () => undefined), parse: { kind: 'store_true' }, pairedWith: 'no-associate-public-ip-address', helpType: 'boolean',
      toParams: (params, value) => {
        if (value === true) toInterface(params, 'AssociatePublicIpAddress', true);
      } },
    { ...custom('no-associate-public-ip-address', INTERFACE_DOCS.publicAddress, () => undefined), documented: false, parse: { kind: 'store_false' },
      toParams: (params, value) => {
        if (value === false) toInterface(params, 'AssociatePublicIpAddress', false);
      } },
  );
}

/** runinstances._build_network_interfaces. */
function toInterface(params: Record<string, unknown>, key: string, value: unknown): void {
  if (!Array.isArray(params.NetworkInterfaces)) params.NetworkInterfaces = [{ DeviceIndex: 0 }];
  const first = (params.NetworkInterfaces as Array<Record<string, unknown>>)[0]!;
  if (key !== 'PrivateIpAddresses' || !Object.hasOwn(first, key)) first[key] = value;
}

/**
 * runinstances._fix_args: once a shortcut has made an interface, the instance-level subnet,
 * group IDs, private address and IPv6 settings move into it, since EC2 refuses both at once.
 */
function moveIntoInterface(params: Record<string, unknown>): void {
  if (!Array.isArray(params.NetworkInterfaces)) return;
  const first = (params.NetworkInterfaces as Array<Record<string, unknown>>)[0];
  if (!first || !['PrivateIpAddresses', 'SecondaryPrivateIpAddressCount', 'AssociatePublicIpAddress'].some((k) => Object.hasOwn(first, k))) return;
  const move = (from: string, to: string, value: (v: unknown) => unknown = (v) => v) => {
    if (!Object.hasOwn(params, from)) return;
    first[to] = value(params[from]);
    delete params[from];
  };
  move('SubnetId', 'SubnetId');
  move('SecurityGroupIds', 'Groups');
  move('PrivateIpAddress', 'PrivateIpAddresses', (v) => [{ PrivateIpAddress: v, Primary: true }]);
  move('Ipv6AddressCount', 'Ipv6AddressCount');
  move('Ipv6Addresses', 'Ipv6Addresses');
}

function custom(name: string, documentation: string, toParams: (params: Record<string, unknown>, value: string) => void): CliArgument {
  return {
    name, kind: 'custom', required: false, documented: true, dest: name.replace(/-/g, '_'), documentation,
    toParams: (params, value) => toParams(params, typeof value === 'string' ? value : String(value)),
  };
}

/** secgroupsimplify._add_params. Python's `if value:` skips an empty string, as here. */
function addShortForm(table: CliArgument[]): void {
  for (let i = 0; i < table.length; i++) {
    const argument = table[i];
    if (argument && HIDDEN_BY_SHORT_FORM.has(argument.name)) table[i] = { ...argument, documented: false };
  }
  insertBeforeGenericArguments(table,
    custom('protocol', SHORT_FORM_DOCS.protocol, (params, value) => {
      if (value) addToPermission(params, 'IpProtocol', protocolValue(value));
    }),
    custom('port', SHORT_FORM_DOCS.port, (params, value) => {
      if (!value) return;
      const [from, to] = portRange(value);
      addToPermission(params, 'FromPort', from);
      addToPermission(params, 'ToPort', to);
    }),
    custom('cidr', SHORT_FORM_DOCS.cidr, (params, value) => {
      if (value) addToPermission(params, 'IpRanges', [{ CidrIp: value }]);
    }),
    custom('source-group', SHORT_FORM_DOCS.sourceGroup, (params, value) => {
      if (value) addToPermission(params, value.startsWith('sg-') ? 'GroupId' : 'GroupName', value);
    }),
    custom('group-owner', SHORT_FORM_DOCS.groupOwner, (params, value) => {
      if (value) addToPermission(params, 'UserId', value);
    }),
  );
}

/**
 * The CLI registers EC2's argument handlers before the generic ones that add
 * --cli-input-json, paging and --generate-cli-skeleton, so its arguments come first in help.
 */
function insertBeforeGenericArguments(table: CliArgument[], ...added: CliArgument[]): void {
  const at = table.findIndex((a) => !['member', 'list', 'boolean', 'custom'].includes(a.kind));
  table.splice(at < 0 ? table.length : at, 0, ...added);
}

/** _build_ip_permissions: everything lands in one IpPermissions entry; group keys in its one UserIdGroupPairs entry. */
function addToPermission(params: Record<string, unknown>, key: string, value: unknown): void {
  if (!Array.isArray(params.IpPermissions)) params.IpPermissions = [{}];
  const permission = (params.IpPermissions as Array<Record<string, unknown>>)[0] as Record<string, unknown>;
  if (key === 'GroupId' || key === 'GroupName' || key === 'UserId') {
    if (!Array.isArray(permission.UserIdGroupPairs)) permission.UserIdGroupPairs = [{}];
    (permission.UserIdGroupPairs as Array<Record<string, unknown>>)[0]![key] = value;
  } else {
    permission[key] = value;
  }
}

/** ProtocolArgument.add_to_params: a number stays as typed; `all` is -1. */
function protocolValue(value: string): string {
  const number = pythonInt(value);
  if (number === undefined) {
    if (!['tcp', 'udp', 'icmp', 'all'].includes(value)) {
      throw paramFailure('protocol parameter should be one of: tcp|udp|icmp|all or any valid protocol number.');
    }
    return value === 'all' ? '-1' : value;
  }
  if ((number < 0 || number > 255) && number !== -1) {
    throw paramFailure('protocol numbers must be in the range 0-255 or -1 to specify all protocols');
  }
  return value;
}

/** PortArgument.add_to_params: `22`, `22-25`, `-1` or `all` (argparse itself refuses `-1-8`). */
function portRange(value: string): [number, number] {
  const [fromText, toText] = value === '-1' || value === 'all' ? ['-1', '-1'] : value.includes('-') ? splitOnce(value, '-') : [value, value];
  const from = pythonInt(fromText);
  const to = pythonInt(toText);
  if (from === undefined || to === undefined) throw paramFailure('port parameter should be of the form <from[-to]> (e.g. 22 or 22-25)');
  return [from, to];
}

function splitOnce(value: string, separator: string): [string, string] {
  const at = value.indexOf(separator);
  return [value.slice(0, at), value.slice(at + separator.length)];
}

/** Python's int(text), or undefined where it raises ValueError. */
function pythonInt(text: string): number | undefined {
  try {
    return pyInt(text);
  } catch {
    return undefined;
  }
}

/**
 * secgroupsimplify._check_args: a short-form option beside --ip-permissions is refused before
 * anything is parsed. The message names the option by its Python name (`--source_group`) and
 * ends in a space, as the CLI's does.
 */
function argumentsParsed(operation: string, values: Readonly<Record<string, unknown>>): void {
  for (const [key, value] of Object.entries(values)) {
    // toplevelbool.validate_boolean_mutex_groups
    if (key.startsWith('no_') && value === true && values[key.slice(3)] !== null && values[key.slice(3)] !== undefined) {
      const name = key.slice(3).replace(/_/g, '-');
      throw paramFailure(`Cannot specify both the "--${name}" option and the "--no-${name}" option.`);
    }
  }
  if (operation === 'RunInstances' && truthy(values.network_interfaces)) {
    // runinstances._check_args: only the positive flag is looked at, as in the CLI.
    if (['secondary_private_ip_addresses', 'secondary_private_ip_address_count', 'associate_public_ip_address'].some((k) => truthy(values[k]))) {
      throw paramFailure('Mixing the --network-interfaces option with the simple, scalar options is not supported.');
    }
  }
  if (!SECURITY_GROUP_OPERATIONS.has(operation) || !truthy(values.ip_permissions)) return;
  for (const key of ['protocol', 'port', 'cidr', 'source_group', 'group_owner']) {
    if (truthy(values[key])) throw paramFailure(`The --${key} option is not compatible with the --ip-permissions option `);
  }
}

function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== null && value !== undefined && value !== '' && value !== false;
}

/** addcount.py: --count replaces --min-count and --max-count. */
function addCount(table: CliArgument[]): void {
  for (const name of ['min-count', 'max-count']) {
    const at = table.findIndex((a) => a.name === name);
    if (at >= 0) table.splice(at, 1);
  }
  insertBeforeGenericArguments(table, custom('count', COUNT_DOCS, (params, value) => {
    const parts = value.includes(':') ? value.split(':') : [value, value];
    const min = parts.length === 2 ? pythonInt(parts[0] ?? '') : undefined;
    const max = parts.length === 2 ? pythonInt(parts[1] ?? '') : undefined;
    // addcount.py raises ParamValidationError without importing it (2.9.19 and upstream alike),
    // so the real CLI's answer to a malformed count is this NameError, exit status 255.
    if (min === undefined || max === undefined) throw new PythonError("name 'ParamValidationError' is not defined");
    params.MinCount = min;
    params.MaxCount = max;
  }));
}

/** The CLI spells these network ACL protocols by name; the API takes numbers (protocolarg.py). */
const PROTOCOL_NUMBERS: Readonly<Record<string, string>> = { tcp: '6', udp: '17', icmp: '1', all: '-1' };

/** before-parameter-build.ec2.*: addcount.set_default_count and protocolarg._fix_args. */
function beforeParameterBuild({ operation, params }: ServiceCall): void {
  if (operation === 'RunInstances') {
    moveIntoInterface(params);
    if (!Object.hasOwn(params, 'MaxCount')) params.MaxCount = 1;
    if (!Object.hasOwn(params, 'MinCount')) params.MinCount = 1;
  }
  if ((operation === 'CreateNetworkAclEntry' || operation === 'ReplaceNetworkAclEntry') && typeof params.Protocol === 'string') {
    if (Object.hasOwn(PROTOCOL_NUMBERS, params.Protocol)) params.Protocol = PROTOCOL_NUMBERS[params.Protocol];
  }
}
