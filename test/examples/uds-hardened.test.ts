import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import Ajv2020 from 'ajv/dist/2020';
import { App as K8sApp } from 'cdk8s';
import { Testing } from 'cdktf';
import { parse, parseAllDocuments } from 'yaml';
import { ESO_DIGEST } from '../../examples/hardened-images/images';
import { MISSION_NAMESPACE } from '../../examples/uds-hardened/declaration';
import { addUdsHardenedChart } from '../../examples/uds-hardened/k8s';
import { addUdsHardenedStack } from '../../examples/uds-hardened/tf';
import { udsBundle, udsEsoPackage, udsZarfPackage } from '../../examples/uds-hardened/zarf';
import Ajv from 'ajv';
import { expectValidEsoValues } from '../helpers/chart-schema';
import { expectValidManifests, findManifest, K8sManifest, synthValid } from '../helpers/eso-schema';
import { helmValues, resourcesOf, synthTerraform } from '../helpers/terraform';

const ROOT = path.resolve(__dirname, '..', '..');
const UPSTREAM = path.resolve(ROOT, '..', 'shared', 'upstream');
const ESO_IMAGE = `registry1.dso.mil/ironbank/opensource/external-secrets/external-secrets:v2.9.0@${ESO_DIGEST}`;

describe('example: UDS hardened (Zarf package, UDS Core pod reload)', () => {
  const stack = synthTerraform(addUdsHardenedStack(Testing.app()).stack);
  const manifests = synthValid(addUdsHardenedChart(new K8sApp()));
  const pkg = udsZarfPackage();
  const files = pkg.files();
  const zarf = parse(files['zarf.yaml']) as { metadata: unknown; components: Array<{ name: string; charts?: Array<Record<string, unknown>>; images?: string[]; manifests?: Array<Record<string, unknown>> }> };

  test('the target Secret carries the UDS pod-reload label and selector; no Reloader annotation anywhere', () => {
    // GIVEN the synthesized cluster side
    const es = findManifest(manifests, 'ExternalSecret', 'mission-api-database');
    // WHEN reading its target template and the Deployment
    const template = (es.spec as { target: { template: { metadata: unknown } } }).target.template;
    const deployment = findManifest(manifests, 'Deployment', 'mission-api');
    // THEN
    expect(template.metadata).toEqual({
      labels: { 'uds.dev/pod-reload': 'true' },
      annotations: { 'uds.dev/pod-reload-selector': 'app.kubernetes.io/name=mission-api' },
    });
    expect(deployment.metadata?.namespace).toBe(MISSION_NAMESPACE);
    expect(deployment.metadata?.annotations).toBeUndefined();
    expect(JSON.stringify(manifests)).not.toContain('reloader.stakater.com');
  });

  test('the cloud side installs ESO with the Iron Bank image and no Reloader release', () => {
    // GIVEN / WHEN
    const releases = resourcesOf(stack, 'helm_release').map((r) => r.name);
    const values = helmValues(stack, 'external-secrets');
    // THEN
    expect(releases).toEqual(['external-secrets']);
    expect(values.image).toEqual({ repository: 'registry1.dso.mil/ironbank/opensource/external-secrets/external-secrets', tag: `v2.9.0@${ESO_DIGEST}` });
    expectValidEsoValues(values);
  });

  test('zarf.yaml: valid against the Zarf 0.84 schema, ESO chart pinned with the values Terraform installs, the image pinned by digest', () => {
    // GIVEN
    const schema = JSON.parse(fs.readFileSync(path.join(UPSTREAM, 'zarf', 'zarf.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
    // WHEN
    const valid = validate(zarf);
    // THEN
    expect(valid ? [] : validate.errors).toEqual([]);
    expect(zarf.components.map((c) => c.name)).toEqual(['external-secrets', 'uds-mission-secrets-network', 'uds-mission-secrets-manifests']);
    expect(zarf.components[0].charts).toEqual([{
      name: 'external-secrets', url: 'https://charts.external-secrets.io', version: '2.9.0', namespace: 'external-secrets',
      releaseName: 'external-secrets', valuesFiles: ['values/external-secrets.yaml'],
    }]);
    expect(zarf.components[0].images).toEqual([ESO_IMAGE]);
    expect(pkg.images).toEqual([ESO_IMAGE]);
    expect(parse(files['values/external-secrets.yaml'])).toEqual(helmValues(stack, 'external-secrets'));
  });

  test('the manifests component holds exactly the cluster-side objects, schema-valid', () => {
    // GIVEN / WHEN
    const packaged = parseAllDocuments(files['manifests/uds-mission-secrets-manifests.yaml']).map((d) => d.toJSON() as K8sManifest);
    // THEN
    expect(zarf.components[2].manifests).toEqual([{ name: 'uds-mission-secrets-manifests', files: ['manifests/uds-mission-secrets-manifests.yaml'] }]);
    expect(packaged).toEqual(JSON.parse(JSON.stringify(manifests)));
    expectValidManifests(packaged);
  });

  test('ESO\'s UDS Package CR: the API server both ways, then only GovCloud Secrets Manager and STS for the IRSA store; schema-valid', () => {
    // GIVEN the network component of the Zarf package
    const [cr] = parseAllDocuments(files['manifests/uds-mission-secrets-network.yaml']).map((d) => d.toJSON() as { spec: { network: { allow: Array<Record<string, unknown>> } } });
    // WHEN reading its allow list
    const allow = cr.spec.network.allow;
    // THEN exactly these, from the declaration's one store on the cluster
    expect(cr).toEqual(udsEsoPackage().toJson());
    expect(allow.map((r) => [r.direction, r.remoteGenerated ?? r.remoteHost, r.port])).toEqual([
      ['Egress', 'KubeAPI', undefined],
      ['Ingress', 'KubeAPI', 10250],
      ['Egress', 'secretsmanager.us-gov-west-1.amazonaws.com', 443],
      ['Egress', 'sts.us-gov-west-1.amazonaws.com', 443],
    ]);
    const schema = JSON.parse(fs.readFileSync(path.join(UPSTREAM, 'uds', 'package-v1alpha1.schema.json'), 'utf8')) as { $schema?: string };
    delete schema.$schema;
    const validate = new Ajv({ strict: false, allErrors: true, logger: false }).compile(schema);
    expect(validate(cr) ? [] : validate.errors).toEqual([]);
  });

  test('uds-bundle.yaml: UDS Core, then the mission package by its version; schema-valid; no pull secret in the packaged values', () => {
    // GIVEN / WHEN
    const bundle = parse(udsBundle().toYaml()) as { packages: unknown[] };
    // THEN
    expect(bundle.packages).toEqual([
      { name: 'core', repository: 'ghcr.io/defenseunicorns/packages/uds/core', ref: '1.11.0-registry1' },
      { name: 'uds-mission-secrets', path: 'zarf', ref: '1.0.0' },
    ]);
    const schema = JSON.parse(fs.readFileSync(path.join(UPSTREAM, 'uds', 'uds-bundle.schema.json'), 'utf8')) as { $schema?: string };
    delete schema.$schema;
    const validate = new Ajv({ strict: false, allErrors: true, logger: false }).compile(schema);
    expect(validate(bundle) ? [] : validate.errors).toEqual([]);
    expect(files['values/external-secrets.yaml']).not.toContain('imagePullSecrets');
  });

  test('migrate over the KES examples and the v1beta1 fixture: schema-valid v1 output, every unconverted field reported, exit code 1', () => {
    // GIVEN
    const kes = path.join(UPSTREAM, 'kes', 'examples');
    const inputs = [...fs.readdirSync(kes).sort().map((f) => path.join(kes, f)), path.join(ROOT, 'test', 'migrate', 'fixtures', 'v1beta1.yaml')];
    // WHEN
    const run = spawnSync(process.execPath, ['-r', './examples/register.js', 'lib/cli.ts', 'migrate', '--namespace', 'mission', '--aws-region', 'us-gov-west-1',
      '--vault-server', 'https://vault.mission.internal:8200', ...inputs], { cwd: ROOT, encoding: 'utf8' });
    // THEN
    expect(run.status).toBe(1);
    const objects = parseAllDocuments(run.stdout).map((d) => d.toJSON() as K8sManifest);
    expectValidManifests(objects);
    expect(objects.every((o) => o.apiVersion === 'external-secrets.io/v1')).toBe(true);
    expect(objects.filter((o) => o.kind === 'ExternalSecret')).toHaveLength(13);
    expect(objects.filter((o) => o.kind === 'ClusterSecretStore').map((o) => o.metadata?.name)).toEqual([
      'kes-aws-sm-eu-west-1-123412341234-let-other-account-access-secrets',
      'kes-aws-sm-us-gov-west-1',
      'kes-aws-ssm-us-east-1-123456789012-test-role',
      'kes-aws-ssm-us-gov-west-1',
      'kes-aws-ssm-us-west-2-123456789012-test-role',
      'kes-azure-kv-hello-world',
      'kes-gcp-sm-hello-service-project-id',
      'kes-vault-kv-v1-my-kubernetes-vault-mount-point-my-vault-role',
      'kes-vault-kv-v2-my-kubernetes-vault-mount-point-my-vault-role',
      'vault-central',
    ]);
    // one line per finding: the backends without settings or provider, and the untranslatable templates
    const lines = run.stderr.trim().split('\n');
    expect(lines.slice(lines.indexOf('Summary: 25 objects written, 1 partly converted, 4 not converted.'))).toEqual([
      'Summary: 25 objects written, 1 partly converted, 4 not converted.',
      'Partly converted (annotated cdk-external-secrets.io/migration: partial; --allow-partial accepts them):',
      '  external-secrets.io/v1 ExternalSecret mission/template-advanced',
      'Not converted:',
      '  kubernetes-client.io/v1 ExternalSecret hello-secret',
      '  kubernetes-client.io/v1 ExternalSecret hello-dynamic-secret',
      '  kubernetes-client.io/v1 ExternalSecret alicloud-secretsmanager',
      '  kubernetes-client.io/v1 ExternalSecret ibmcloud-secrets-manager',
    ]);
    expect(lines.filter((l) => l.startsWith('[')).map((l) => l.replace(/^\[([^\]]+)\] ([^:]+):.*$/, '$1 | $2'))).toEqual([
      `${inputs[0]}: kubernetes-client.io/v1 ExternalSecret hello-secret | spec.backendType`,
      `${inputs[0]}: kubernetes-client.io/v1 ExternalSecret hello-dynamic-secret | spec.backendType`,
      `${inputs[1]}: kubernetes-client.io/v1 ExternalSecret alicloud-secretsmanager | spec.backendType`,
      `${inputs[9]}: kubernetes-client.io/v1 ExternalSecret ibmcloud-secrets-manager | spec.keyByName`,
      `${inputs[9]}: kubernetes-client.io/v1 ExternalSecret ibmcloud-secrets-manager | spec.backendType`,
      `${inputs[9]}: kubernetes-client.io/v1 ExternalSecret ibmcloud-secrets-manager | metadata.name`,
      `${inputs[9]}: kubernetes-client.io/v1 ExternalSecret ibmcloud-secrets-manager | spec.keyByName`,
      `${inputs[9]}: kubernetes-client.io/v1 ExternalSecret ibmcloud-secrets-manager | spec.backendType`,
      `${inputs[10]}: kubernetes-client.io/v1 ExternalSecret template-advanced | spec.template.metadata.labels["world"]`,
      `${inputs[10]}: kubernetes-client.io/v1 ExternalSecret template-advanced | spec.template.stringData["file.yaml"]`,
    ]);
  }, 60_000);
});
