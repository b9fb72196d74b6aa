import en from './en-US/netobs-pingmesh-panel.json';
import zh from './zh-Hans/netobs-pingmesh-panel.json';
import pluginJson from '../plugin.json';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') {
      out.set(key, v);
    } else {
      flatten(v, key, out);
    }
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*-?\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();
// zh-Hans has one plural form: English `x_one` / `x_other` are both `x_other` there.
const zhKey = (key: string) => key.replace(/_(zero|one|two|few|many)$/, '_other');

const english = flatten(en as Tree);
const chinese = flatten(zh as Tree);

describe('locale files', () => {
  it('plugin.json declares English (the source) and Simplified Chinese', () => {
    expect(pluginJson.languages).toEqual(['en-US', 'zh-Hans']);
  });

  it('every English string has a Chinese one, with the same placeholders', () => {
    expect(english.size).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const [key, text] of english) {
      const translated = chinese.get(zhKey(key));
      if (!translated) {
        problems.push(`${key}: missing`);
      } else if (
        key.endsWith('_one')
          ? // "Worst pair" / "Worst {{n}} pairs": the singular may leave the count out, the one Chinese form has it.
            !placeholders(text).every((p) => placeholders(translated).includes(p))
          : placeholders(translated).join() !== placeholders(text).join()
      ) {
        problems.push(`${key}: placeholders ${placeholders(translated)} ≠ ${placeholders(text)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no Chinese string the code no longer uses', () => {
    const used = new Set([...english.keys()].map(zhKey));
    expect([...chinese.keys()].filter((k) => !used.has(k))).toEqual([]);
  });

  it('the Chinese file is Chinese: most strings contain CJK characters', () => {
    const cjk = [...chinese.values()].filter((v) => /[\u4e00-\u9fff]/.test(v)).length;
    expect(cjk / chinese.size).toBeGreaterThan(0.8);
  });
});
