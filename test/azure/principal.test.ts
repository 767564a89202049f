import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { AzurePrincipal, AzurePrincipalType } from '../../lib/azure';
import { azureStack, expose, outputValue, ref, synth } from './helpers';

describe('AzurePrincipal', () => {
  test('fromPrincipalId defaults to a service principal', () => {
    // GIVEN
    const stack = azureStack();
    // WHEN
    const principal = AzurePrincipal.fromPrincipalId(stack, 'P', { principalId: 'object-id' });
    const group = AzurePrincipal.fromPrincipalId(stack, 'G', { principalId: 'group-id', principalType: AzurePrincipalType.GROUP });
    // THEN
    expect([principal.principalId, principal.principalType, principal.node.path]).toEqual(['object-id', 'ServicePrincipal', 'test/P']);
    expect([group.principalId, group.principalType]).toEqual(['group-id', 'Group']);
  });

  test('fromUserAssignedIdentity uses the identity principal_id and node', () => {
    // GIVEN
    const stack = azureStack();
    const uami = new UserAssignedIdentity(stack, 'AksIdentity', { name: 'id-aks', resourceGroupName: 'rg', location: 'westeurope' });
    // WHEN
    const principal = AzurePrincipal.fromUserAssignedIdentity(uami);
    expose(stack, 'principalId', principal.principalId);
    // THEN
    expect(principal.node).toBe(uami.node);
    expect(principal.principalType).toBe(AzurePrincipalType.SERVICE_PRINCIPAL);
    expect(outputValue(synth(stack), 'principalId')).toBe(ref(stack, uami, 'principal_id'));
  });
});
