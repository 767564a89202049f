import { emptyLabelSelector, invalidMetadataKey, invalidSelectorRequirement } from '../../core/errors';
import { isUnresolved } from '../../core/tokens';
import { assertLabels, assertShape, isLabelValue, isQualifiedName } from '../../core/validation';
import { invalidLabelValue } from '../../core/errors';
import { LabelSelectorOperator } from '../enums';
import { LabelSelector } from '../references';
import { LABEL_SELECTOR } from './shapes';

/**
 * Checks a label selector as the API server does (keys, values, operators) and rejects an empty one,
 * which would select everything.
 * @internal
 */
export function assertLabelSelector(path: string, prop: string, selector: LabelSelector, onEmpty = emptyLabelSelector): void {
  assertShape(path, prop, selector, (LABEL_SELECTOR as { shape: Record<string, never> }).shape);
  const labels = Object.keys(selector.matchLabels ?? {}).length;
  const expressions = selector.matchExpressions?.length ?? 0;
  if (labels === 0 && expressions === 0) {
    throw onEmpty(path, prop);
  }
  assertLabels(path, `${prop}.matchLabels`, selector.matchLabels);
  selector.matchExpressions?.forEach((e, i) => {
    const p = `${prop}.matchExpressions[${i}]`;
    if (!isUnresolved(e.key) && !isQualifiedName(e.key)) {
      throw invalidMetadataKey(path, `${p}.key`, e.key);
    }
    const needsValues = e.operator === LabelSelectorOperator.IN || e.operator === LabelSelectorOperator.NOT_IN;
    const count = e.values?.length ?? 0;
    if (needsValues ? count === 0 : count > 0) {
      throw invalidSelectorRequirement(path, `${p}.values`, e.operator, e.values);
    }
    e.values?.forEach((v, j) => {
      if (!isUnresolved(v) && !isLabelValue(v)) {
        throw invalidLabelValue(path, `${p}.values[${j}]`, v);
      }
    });
  });
}
