import { TerraformStack, Testing } from 'cdktf';

/** The fix every output-verification message ends with, before its rule id. */
export const FIX = 'Fix: the synthesized output differs from the plan: a renderer bug or an injection (an override, an aspect or a construct '
  + 'that changed the platform\'s output); remove what changed it, or report the renderer bug';

/** The validation errors full synth reports for a stack, one finding per entry (none when synth succeeds). */
export function synthErrors(stack: TerraformStack): string[] {
  try {
    Testing.synth(stack, true);
  } catch (e) {
    return (e as Error).message.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('['));
  }
  return [];
}
