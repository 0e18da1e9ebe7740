// Import BPMN files with bpmn-moddle (the model layer of bpmn-js) and report warnings as JSON, one line per file.
// Usage: node moddle_import.mjs FILE...   Exit code 0 even with warnings (the caller asserts); 2 on usage errors.
import { readFile } from 'node:fs/promises';
import { BpmnModdle } from 'bpmn-moddle';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node moddle_import.mjs FILE...');
  process.exit(2);
}
const moddle = new BpmnModdle();
for (const file of files) {
  const xml = await readFile(file, 'utf8');
  try {
    const { rootElement, warnings, elementsById } = await moddle.fromXML(xml, 'bpmn:Definitions');
    console.log(JSON.stringify({
      file,
      root: rootElement.$type,
      warnings: warnings.map((w) => w.message),
      elements: Object.keys(elementsById).length,
    }));
  } catch (err) {
    console.log(JSON.stringify({ file, error: String(err && err.message ? err.message : err), warnings: [], elements: 0 }));
  }
}
