// esbuild plugin: collapses the indentation inside lit's html`…`, css`…` and svg`…` templates of
// the widget source (a newline and the spaces around it become one space), the way
// minify-html-literals does, so the shipped JavaScript does not carry the source formatting.
// In css`…` the spaces around { } : ; , > go too. Only the static parts of tagged templates
// change; code, strings and comments are copied as is.
import { readFile } from 'node:fs/promises';

const TAGS = /(?:^|[^\w$.])(html|css|svg)\s*$/;

/** @param {string} src @returns {string} */
export function minifyTemplates(src) {
  let i = 0;
  const n = src.length;

  function copyQuoted(q) {
    let s = src[i++];
    while (i < n && src[i] !== q) {
      if (src[i] === '\\') s += src[i++];
      s += src[i++];
    }
    s += src[i++] ?? '';
    return s;
  }

  /** @param {string | null} tagged */
  function template(tagged) {
    let out = '`';
    let text = '';
    i++;
    const flush = () => {
      if (tagged === 'css') out += text.replace(/\s+/g, ' ').replace(/\s*([{}:;,>])\s*/g, '$1');
      else out += tagged ? text.replace(/\s*\n\s*/g, ' ') : text;
      text = '';
    };
    while (i < n) {
      const c = src[i];
      if (c === '\\') {
        text += c + src[i + 1];
        i += 2;
      } else if (c === '`') {
        flush();
        i++;
        return out + '`';
      } else if (c === '$' && src[i + 1] === '{') {
        flush();
        i += 2;
        out += '${' + code(true) + '}';
      } else {
        text += c;
        i++;
      }
    }
    flush();
    return out;
  }

  function code(untilBrace) {
    let out = '';
    let depth = 0;
    while (i < n) {
      const c = src[i];
      if (c === "'" || c === '"') out += copyQuoted(c);
      else if (c === '/' && src[i + 1] === '/') {
        const end = src.indexOf('\n', i);
        const stop = end === -1 ? n : end;
        out += src.slice(i, stop);
        i = stop;
      } else if (c === '/' && src[i + 1] === '*') {
        const end = src.indexOf('*/', i + 2);
        const stop = end === -1 ? n : end + 2;
        out += src.slice(i, stop);
        i = stop;
      } else if (c === '`') out += template(TAGS.exec(out.slice(-12))?.[1] ?? null);
      else if (c === '{') {
        depth++;
        out += c;
        i++;
      } else if (c === '}') {
        if (untilBrace && depth === 0) {
          i++;
          return out;
        }
        depth--;
        out += c;
        i++;
      } else {
        out += c;
        i++;
      }
    }
    return out;
  }

  return code(false);
}

/** The plugin, for the widget's component and template files. */
export const minifyTemplatesPlugin = {
  name: 'minify-lit-templates',
  setup(build) {
    build.onLoad(
      { filter: /[\\/]widget[\\/]src[\\/](components[\\/].*|internal[\\/](render-.*|view))\.ts$/ },
      async (args) =>
        args.path.endsWith('.test.ts')
          ? undefined
          : { contents: minifyTemplates(await readFile(args.path, 'utf8')), loader: 'ts' },
    );
  },
};
