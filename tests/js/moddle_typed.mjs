// Import BPMN files with bpmn-moddle and vollzug's descriptor; report per file (one JSON line) the warnings, the
// vz: elements by type, vz: elements left generic (untyped) or with undeclared attributes, and optionally write the
// XML bpmn-moddle exports again (to OUT_DIR/<name>) for the caller to compare with its own reader.
// Usage: node moddle_typed.mjs DESCRIPTOR.json OUT_DIR|- FILE...
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';

const [descriptorFile, outDir, ...files] = process.argv.slice(2);
if (!descriptorFile || !outDir || files.length === 0) {
  console.error('usage: node moddle_typed.mjs DESCRIPTOR.json OUT_DIR|- FILE...');
  process.exit(2);
}
const descriptor = JSON.parse(await readFile(descriptorFile, 'utf8'));
const moddle = new BpmnModdle({ vollzug: descriptor });
const uri = descriptor.uri;

function inspect(root) {
  const typed = {};
  const generic = [];
  const undeclared = [];
  const seen = new Set();
  const visit = (el) => {
    if (!el || typeof el !== 'object' || seen.has(el)) return;
    seen.add(el);
    const d = el.$descriptor;
    if (d && el.$type) {
      const isVz = (d.ns && d.ns.uri === uri) || (el.$type.startsWith('vz:'));
      if (isVz) {
        if (d.isGeneric) generic.push(el.$type);
        else typed[el.$type] = (typed[el.$type] || 0) + 1;
        for (const key of Object.keys(el.$attrs || {})) undeclared.push(el.$type + '@' + key);
      }
    }
    for (const key of Object.keys(el)) {
      if (key.startsWith('$') || key === 'di') continue;
      const v = el[key];
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object' && v.$type && !['sourceRef', 'targetRef', 'processRef', 'attachedToRef',
               'default', 'dataObjectRef', 'flowNodeRef', 'bpmnElement', 'messageRef', 'calledElement'].includes(key)) visit(v);
    }
  };
  visit(root);
  return { typed, generic, undeclared };
}

for (const [index, file] of files.entries()) {
  const xml = await readFile(file, 'utf8');
  try {
    const { rootElement, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
    const result = { file, warnings: warnings.map((w) => w.message), ...inspect(rootElement) };
    if (outDir !== '-') {
      const { xml: out } = await moddle.toXML(rootElement, { format: true });
      result.written = join(outDir, `${index}-${basename(file)}`);
      await writeFile(result.written, out, 'utf8');
    }
    console.log(JSON.stringify(result));
  } catch (err) {
    console.log(JSON.stringify({ file, error: String(err && err.message ? err.message : err) }));
  }
}
