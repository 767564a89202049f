/**
 * The cdktf side of output verification: a validation of `SecretsPlatformInfrastructure` that reads the
 * stack back once and asks each backend's cloud renderer for the differences with the plan.
 */
import { validationMessage } from '../../core/errors/format';
import { IConstruct } from 'constructs';
import { CloudRenderer } from '../backends/cloud-renderer';
import { EmittedTerraform } from './emitted-terraform';
import { outputMismatch } from './output-rules';

/** Validation messages for every difference between the emitted resources and the plan. */
export function verifyInfrastructure(scope: IConstruct, renderers: readonly CloudRenderer[]): string[] {
  const emitted = EmittedTerraform.of(scope);
  return renderers
    .flatMap((renderer) => renderer.verify(emitted))
    .map((finding) => validationMessage(scope.node.path, outputMismatch(scope.node.path, finding)));
}
