/**
 * The cloud side's Terraform outputs after apply, for the Kubernetes side: values that only exist
 * once `cdktf deploy` ran (the client IDs Entra assigns to per-store identities). Engine-free.
 *
 * Two steps: (1) `cdktf deploy <stack>` then `cdktf output <stack> --outputs-file outputs.json`;
 * (2) the cdk8s app reads that file with {@link PlatformOutputs.fromFile} and passes it to
 * `SecretsPlatformManifests` (`cloudOutputs`). Reading a file you name keeps synth pure: the
 * same file gives the same YAML.
 */
import { readFileSync } from 'fs';
import { ApplyTimeValues } from '../core/declaration/outputs';
import { invalidOutputsFile, missingPlatformOutput } from '../core/errors';

/** Outputs of one stack of the cloud side. */
export class PlatformOutputs implements ApplyTimeValues {
  /**
   * Reads the file `cdktf output <stack> --outputs-file <file>` (or `cdktf deploy --outputs-file`) wrote.
   * @param file path of the outputs file
   * @param stack name of the cloud stack whose outputs to use
   */
  public static fromFile(file: string, stack: string): PlatformOutputs {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw invalidOutputsFile('PlatformOutputs', 'file', file, stack);
    }
    return PlatformOutputs.fromJson(text, stack, file);
  }

  /**
   * Parses the JSON of an outputs file.
   * @param json the file's text, or its parsed object
   * @param stack name of the cloud stack
   * @param source name of the file, for messages
   */
  public static fromJson(json: string | Record<string, unknown>, stack: string, source: string = 'the outputs file'): PlatformOutputs {
    let parsed: unknown = json;
    if (typeof json === 'string') {
      try {
        parsed = JSON.parse(json);
      } catch {
        throw invalidOutputsFile('PlatformOutputs', 'json', source, stack);
      }
    }
    const stackOutputs = (parsed as Record<string, unknown> | null)?.[stack];
    if (typeof stackOutputs !== 'object' || stackOutputs === null) {
      throw invalidOutputsFile('PlatformOutputs', 'stack', source, stack);
    }
    return new PlatformOutputs(flatten(stackOutputs as Record<string, unknown>), stack, source);
  }

  private constructor(
    private readonly values: ReadonlyMap<string, string>,
    /** Name of the cloud stack whose outputs these are. */
    public readonly stack: string,
    /** Where the outputs were read from (the file name), for messages. */
    public readonly source: string,
  ) {}

  /** The value of an output, or undefined. Nested outputs (grouped by construct path) are found by their name. */
  public output(name: string): string | undefined {
    return this.values.get(name);
  }

  /** The value of an output; an error naming the output and the command that writes it when absent. */
  public require(name: string): string {
    const value = this.values.get(name);
    if (value === undefined) {
      throw missingPlatformOutput('PlatformOutputs', 'output', name, this.source, this.stack);
    }
    return value;
  }
}

/** Every string leaf by its key (cdktf nests outputs by construct path). */
function flatten(object: Record<string, unknown>, into = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(object)) {
    if (typeof value === 'string') {
      into.set(key, value);
    } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      flatten(value as Record<string, unknown>, into);
    }
  }
  return into;
}
