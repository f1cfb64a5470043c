// Backstage's own checks of catalog entities, run on YAML files: node validate.mjs FILE...
//
// Each document of each file goes through what Backstage's catalog does to an entity it
// reads: the YAML parsed as the catalog parses it (the `yaml` package, YAML 1.2), the
// entity policies the catalog applies by default (in its order) and the kind validators of
// @backstage/catalog-model, one of which must accept the entity (the catalog refuses a kind
// that no processor knows). The entity references in `spec` are parsed as the catalog's
// relations are. Prints one JSON document: for each entity its file, kind, reference, the
// references it makes, the errors Backstage found (none when it is accepted) and the entity
// as the catalog reads it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseAllDocuments } from 'yaml';
import {
  EntityPolicies,
  SchemaValidEntityPolicy,
  DefaultNamespaceEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  FieldFormatEntityPolicy,
  KubernetesValidatorFunctions,
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

const policies = EntityPolicies.allOf([
  new SchemaValidEntityPolicy(),
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
]);
const kindValidators = [
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
];
// spec fields that hold entity references, with the kind a bare name refers to
const referenceFields = {
  owner: 'Group',
  domain: 'Domain',
  subdomainOf: 'Domain',
  system: 'System',
  parent: 'Group',
  children: 'Group',
  members: 'User',
  memberOf: 'Group',
  dependsOn: 'Component',
};

async function check(entity) {
  const errors = [];
  let accepted = entity;
  try {
    accepted = await policies.enforce(structuredClone(entity));
  } catch (e) {
    errors.push(`policy: ${e.message}`);
    return { errors, references: [] };
  }
  let known = false;
  for (const validator of kindValidators) {
    try {
      known = (await validator.check(accepted)) || known;
    } catch (e) {
      errors.push(`kind: ${e.message}`);
    }
  }
  if (!known && errors.length === 0) {
    errors.push(`kind: no validator accepts kind ${accepted.kind} (${accepted.apiVersion})`);
  }
  const references = [];
  for (const [key, defaultKind] of Object.entries(referenceFields)) {
    const value = accepted.spec?.[key];
    for (const ref of value === undefined ? [] : [value].flat()) {
      try {
        const parsed = parseEntityRef(ref, {
          defaultKind,
          defaultNamespace: accepted.metadata.namespace,
        });
        if (!KubernetesValidatorFunctions.isValidObjectName(parsed.name)) {
          throw new Error(`the name ${JSON.stringify(parsed.name)} is not valid`);
        }
        references.push({ field: `spec.${key}`, ref: stringifyEntityRef(parsed) });
      } catch (e) {
        errors.push(`spec.${key}: ${e.message}`);
      }
    }
  }
  return { errors, references, ref: stringifyEntityRef(accepted) };
}

const require = createRequire(import.meta.url);
const results = [];
for (const file of process.argv.slice(2)) {
  const documents = parseAllDocuments(readFileSync(file, 'utf8'));
  for (const [index, document] of documents.entries()) {
    const place = { file, document: index };
    if (document.errors.length) {
      results.push({ ...place, errors: document.errors.map((e) => `yaml: ${e.message}`) });
      continue;
    }
    const entity = document.toJSON();
    if (typeof entity !== 'object' || entity === null || Array.isArray(entity)) {
      results.push({ ...place, errors: ['yaml: the document is not a mapping'] });
      continue;
    }
    results.push({ ...place, kind: entity.kind, entity, ...(await check(entity)) });
  }
}
const version = require('@backstage/catalog-model/package.json').version;
process.stdout.write(`${JSON.stringify({ catalogModel: version, entities: results }, null, 1)}\n`);
