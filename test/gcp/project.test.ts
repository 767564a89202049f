import { Construct } from 'constructs';
import { GcpPrincipal, GcpProject, GoogleSecretManagerSecret } from '../../lib/gcp';
import { googleStack, shopProject } from './helpers';

describe('GcpProject', () => {
  test('keeps the ID and number and derives the GKE workload pool', () => {
    // GIVEN
    const stack = googleStack();
    // WHEN
    const project = GcpProject.fromProjectAttributes(stack, 'Project', { projectId: 'shop-prod', projectNumber: '123456789012' });
    // THEN
    expect(project.projectId).toBe('shop-prod');
    expect(project.projectNumber).toBe('123456789012');
    expect(project.workloadPool).toBe('shop-prod.svc.id.goog');
  });

  test('project IDs and numbers Google rejects, including wrong types from JavaScript', () => {
    const make = (projectId: unknown, projectNumber: unknown): unknown => GcpProject.fromProjectAttributes(
      googleStack(), 'Project', { projectId: projectId as string, projectNumber: projectNumber as string });
    const idMessage = (value: string): string => `[test/Project] projectId: received ${value}. Allowed: a project ID: 6 to 30 lowercase letters, digits and "-", `
      + 'starting with a letter, not ending with "-". Fix: pass the project ID (gcloud projects describe <project> --format="value(projectId)"), not its display name or number.';
    expect(() => make('Shop Prod', '1')).toThrow(idMessage('"Shop Prod"'));
    expect(() => make('shop-', '1')).toThrow(idMessage('"shop-"'));
    expect(() => make(undefined, '1')).toThrow(idMessage('undefined'));
    const numberMessage = (value: string): string => `[test/Project] projectNumber: received ${value}. Allowed: the project number as a string of digits, such as "123456789012". `
      + 'Fix: pass the project number (gcloud projects describe <project> --format="value(projectNumber)"), or the number attribute of a DataGoogleProject; '
      + 'workload identity principals and service agents are named after it.';
    expect(() => make('shop-prod', 'shop-prod')).toThrow(numberMessage('"shop-prod"'));
    expect(() => make('shop-prod', 123456789012)).toThrow(numberMessage('123456789012'));
  });
});

describe('GcpPrincipal', () => {
  test('accepts service accounts, groups, users and federated principals', () => {
    // GIVEN
    const stack = googleStack();
    const members = [
      'serviceAccount:eso@shop-prod.iam.gserviceaccount.com', 'group:platform@example.com', 'user:ops@example.com',
      'principal://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/subject/s',
      'principalSet://iam.googleapis.com/locations/global/workforcePools/staff/group/secrets-admins',
    ];
    // WHEN
    const principals = members.map((m, i) => GcpPrincipal.fromMember(stack, `P${i}`, m));
    // THEN
    expect(principals.map((p) => p.member)).toEqual(members);
  });

  test('refuses a principalSet over a workload identity pool, from fromMember and from any IGcpPrincipal at grant time', () => {
    const message = (path: string, prop: string, member: string) => `[${path}] ${prop}: received ${JSON.stringify(member)}. `
      + 'Allowed: one principal of a workload identity pool ("principal://…/subject/<subject>"), never a "principalSet://…/workloadIdentityPools/…" member: '
      + 'it names every workload the pool admits (every namespace and service account of every cluster federated into it). '
      + 'Fix: grant the exact service account: GkeWorkloadPrincipal, KubernetesWorkloadIdentityPool.addServiceAccount(), or a "principal://…/subject/…" member.';
    for (const member of [
      'principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/*',
      'principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/shop-prod.svc.id.goog/namespace/payments',
      'principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/attribute.cluster/prod',
    ]) {
      expect(() => GcpPrincipal.fromMember(googleStack(), 'P', member)).toThrow(message('test/P', 'member', member));
    }
    // GIVEN a hand-made IGcpPrincipal that skips fromMember
    const stack = googleStack();
    const secret = new GoogleSecretManagerSecret(stack, 'S', { project: shopProject(stack), secretId: 'db' });
    const member = 'principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/*';
    const sneaky = Object.assign(new Construct(stack, 'Sneaky'), { member });
    // WHEN / THEN
    expect(() => secret.grantRead(sneaky)).toThrow(message('test/S', 'principal.member', member));
  });

  test('refuses public and domain-wide members', () => {
    for (const member of ['allUsers', 'allAuthenticatedUsers', 'domain:example.com', 'eso@shop-prod.iam.gserviceaccount.com']) {
      expect(() => GcpPrincipal.fromMember(googleStack(), 'P', member)).toThrow(
        `[test/P] member: received ${JSON.stringify(member)}. Allowed: an IAM member "serviceAccount:<e-mail>", "group:<e-mail>", "user:<e-mail>", "principal://…" or "principalSet://…". `
        + 'Fix: use the principal of a construct (GkeWorkloadPrincipal, GoogleServiceAccountIdentity, KubernetesWorkloadIdentityPool.addServiceAccount()); '
        + 'allUsers, allAuthenticatedUsers and domain-wide members are refused.');
    }
  });
});
