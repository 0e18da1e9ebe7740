// Validate element-template files with @bpmn-io/element-templates-validator (Camunda 7 schema); one JSON line per
// file: {file, valid, count, errors: [{template, message, path}]}. Usage: node validate_templates.mjs FILE...
import { readFile } from 'node:fs/promises';
import { validate } from '@bpmn-io/element-templates-validator';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node validate_templates.mjs FILE...');
  process.exit(2);
}
for (const file of files) {
  const templates = JSON.parse(await readFile(file, 'utf8'));
  const list = Array.isArray(templates) ? templates : [templates];
  const errors = [];
  for (const template of list) {
    const result = validate(template);
    for (const e of result.errors || []) {
      errors.push({ template: template.id, message: e.message, path: e.dataPath || e.instancePath || '' });
    }
  }
  console.log(JSON.stringify({ file, valid: errors.length === 0, count: list.length, errors }));
}
