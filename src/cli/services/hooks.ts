import type { AwsError } from '../../runtime/errors.js';
import type { ServiceModel } from '../../runtime/model.js';
import type { CliArgument } from '../arguments.js';
import type { GlobalOptions } from '../globals.js';
import type { CliContext, CliResult } from '../types.js';

/**
 * What one service changes in the CLI, as the real CLI and botocore do it with event
 * handlers (botocore/handlers.py BUILTIN_HANDLERS, awscli/handlers.py). A service declares
 * one ServiceCustomisation in src/cli/services/<service>.ts and one line in index.ts; the
 * generic code (invoke.ts, operation.ts, arguments.ts, driver.ts, completion.ts) consults
 * the registry and never names a service. Every hook is optional.
 */
export interface ServiceCustomisation {
  /** botocore's service name (`s3`, `route53`, `ec2`): the registry key. */
  readonly service: string;

  /**
   * The endpoint ruleset's checks on its context parameters, which botocore runs before any
   * handler (client.py _make_api_call → _resolve_endpoint_ruleset). Throw a CliFailure.
   */
  checkEndpointParameters?(call: ServiceCall): void;

  /**
   * `before-parameter-build.<service>.<Operation>`: may change call.params in place and leave
   * notes in call.memo for the later hooks. Runs after base64 blobs are decoded and before the
   * parameters are validated against the model (botocore's fix_route53_ids, S3's bucket-name
   * check, set_list_objects_encoding_type_url).
   */
  beforeParameterBuild?(call: ServiceCall): void;

  /**
   * `before-call.<service>.<Operation>`: the validated parameters as the runtime takes them,
   * just before they are sent. May change `wire` in place (EC2's DryRun and the like).
   */
  beforeCall?(call: ServiceCall, wire: Record<string, unknown>): void;

  /**
   * The endpoint ruleset's URL, when it moves parameters into the host (S3's virtual-hosted
   * style). Only the "Could not connect to the endpoint URL" error shows it.
   */
  endpoint?(params: Record<string, unknown>, url: { hostname: string; path: string }): { hostname: string; path: string };

  /** `after-call.<service>.<Operation>` for a success: may change the parsed response in place. */
  afterCall?(call: ServiceCall, parsed: Record<string, unknown>): void;

  /**
   * `after-call.<service>` for an error response: returns the error with the CLI's wording
   * (customizations/s3errormsg.py). Every caller sees the result: `aws <service> <operation>`,
   * waiters, the service's high-level commands. Return the error itself to leave it.
   */
  enhanceError?(call: ServiceCall, error: AwsError): AwsError;

  /**
   * `building-argument-table.<command>.<operation>`: add, remove or change arguments of one
   * operation (EC2 run-instances' --count, the security-group shortcuts). An added argument of
   * kind `custom` sets its own parameters with its `toParams`.
   */
  customiseArguments?(operation: string, table: CliArgument[]): void;

  /**
   * `operation-args-parsed.<service>.<operation>`: argparse's values (keyed by dest), before any
   * argument is unpacked, so a check on how arguments combine wins over their own parse errors
   * (EC2's short-form security group options beside --ip-permissions). Throw a CliFailure.
   */
  argumentsParsed?(operation: string, values: Readonly<Record<string, unknown>>): void;

  /**
   * The error the service answers a request signed with an access key it does not know
   * (S3's InvalidAccessKeyId); without it, the query APIs' InvalidClientTokenId.
   */
  unknownAccessKey?(accessKeyId: string): AwsError;

  /** Commands this service adds beside `aws <service>` (`aws s3 cp …`), in the CLI's order. */
  readonly commands?: readonly TopLevelCommand[];

  /** Commands this service adds to its own command table (`aws rds generate-db-auth-token`). */
  readonly serviceCommands?: readonly ServiceCommand[];
}

/** One call as the hooks see it. */
export interface ServiceCall {
  /** PascalCase (`ListObjectsV2`). */
  readonly operation: string;
  readonly model: ServiceModel;
  readonly region: string;
  /** The parameters as the learner gave them (after blob decoding), changed in place by hooks. */
  readonly params: Record<string, unknown>;
  /** What a before hook leaves for the after hooks of the same call. */
  readonly memo: Record<string, unknown>;
}

/** `aws s3`: a command of its own beside the services, with its own parser. */
export interface TopLevelCommand {
  /** The word after `aws`. */
  readonly name: string;
  /** Its line in `aws help`. */
  readonly title: string;
  /** The words after `aws <name>`, global options removed. Never throws. */
  run(args: readonly string[], ctx: CliContext, globals: GlobalOptions): CliResult;
  /** Completions for the word after `aws <name>` (subcommand names). */
  readonly subcommands: readonly string[];
}

/** `aws <service> <name>`: a command in a service's table that is not one of its operations. */
export interface ServiceCommand {
  readonly name: string;
  run(args: readonly string[], ctx: CliContext, globals: GlobalOptions): CliResult;
}
