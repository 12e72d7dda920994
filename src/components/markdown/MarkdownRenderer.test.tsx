import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import MarkdownRenderer from './MarkdownRenderer';
import { safeUrl } from './safeUrl';

describe('MarkdownRenderer', () => {
  it('shows raw HTML as text and never creates its elements', () => {
    const { container } = render(
      <MarkdownRenderer text={'Before <img src=x onerror="alert(1)"> after\n\n<script>alert(2)</script>'} />,
    );
    expect(container.querySelector('img, script')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="alert(1)">');
  });

  it('keeps http(s) links, opening them safely, and drops javascript: and data: links', () => {
    const { container } = render(
      <MarkdownRenderer text="[ok](https://example.com) [bad](javascript:alert(1)) [worse](data:text/html,x) [tab](java&#9;script:alert(1))" />,
    );
    const links = [...container.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.com']);
    expect(links[0]).toHaveAttribute('rel', 'noopener noreferrer nofollow');
    expect(container.textContent).toContain('bad');
  });

  it('renders math with KaTeX, GFM tables and highlighted code', () => {
    const { container } = render(
      <MarkdownRenderer
        text={'$\\sqrt{d_k}$\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```python\ndef f(): return 1\n```'}
      />,
    );
    expect(container.querySelector('.katex')).not.toBeNull();
    expect(container.querySelector('table td')?.textContent).toBe('1');
    expect(container.querySelector('code.language-python .hljs-keyword')?.textContent).toBe('def');
  });

  it('typesets display math and ```math blocks, shows bad TeX as KaTeX’s error, and never makes a link', () => {
    const { container } = render(
      <MarkdownRenderer
        text={
          '$$\n\\frac{a}{b}\n$$\n\n```math\nx^2\n```\n\nBad $\\frac{1}$ and $\\href{javascript:alert(1)}{click}$ ' +
          'and $\\url{https://example.com}$'
        }
      />,
    );
    expect(container.querySelectorAll('.katex-display')).toHaveLength(2);
    expect(container.querySelector('.katex-display .mfrac')).not.toBeNull();
    expect(container.querySelector('.katex-error')?.textContent).toContain('\\frac{1}');
    expect(container.querySelector('a, [href]')).toBeNull();
    expect(container.querySelector('pre')).toBeNull();
  });
});

it('closes Chinese bold that ends in punctuation before more Chinese text', () => {
  const { container } = render(<MarkdownRenderer text="**注意：**这里是正文。" />);
  expect(container.querySelector('strong')?.textContent).toBe('注意：');
  expect(container.textContent).not.toContain('**');
});

describe('safeUrl', () => {
  it('allows only http, https and mailto', () => {
    expect(safeUrl('https://a.b/c')).toBe('https://a.b/c');
    expect(safeUrl('mailto:a@b.c')).toBe('mailto:a@b.c');
    expect(safeUrl(' JavaScript:alert(1)')).toBe('');
    expect(safeUrl('java\nscript:alert(1)')).toBe('');
    expect(safeUrl('/review')).toBe('');
    expect(safeUrl('vbscript:x')).toBe('');
  });
});

describe('MarkdownRenderer on hostile text', () => {
  it.each([
    ['3,000 nested quotes', '> '.repeat(3_000) + 'deep'],
    [
      '2,000 nested list items',
      Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(2 * (i % 400))}- deep`).join('\n'),
    ],
    ['9,999 emphasis marks', '*a '.repeat(3_300) + 'deep' + ' a*'.repeat(3_300)],
    ['3,000 nested f-strings', '```python\n' + 'f"{'.repeat(3_000) + 'deep' + '}"'.repeat(3_000) + '\n```'],
  ])('shows %s as plain text instead of throwing', (_, text) => {
    const { container } = render(<MarkdownRenderer text={text} />);
    expect(container.querySelector('pre.md-plain')?.textContent).toBe(text);
  });

  it('caps KaTeX sizes, so a formula cannot be 5,000 em wide', () => {
    const { container } = render(<MarkdownRenderer text={'$\\rule{5000em}{5000em}$'} />);
    const rule = container.querySelector<HTMLElement>('.katex .rule')!;
    expect(rule.style.borderRightWidth).toBe('20em');
  });

  it('shows a long text a chunk at a time, all of it in the end, in order', async () => {
    const paragraphs = Array.from(
      { length: 12 },
      (_, i) => `Paragraph ${i} ${'with **bold** words '.repeat(12)}`,
    );
    const { container } = render(<MarkdownRenderer text={paragraphs.join('\n\n')} />);
    expect(container.querySelectorAll('p').length).toBeLessThan(12);
    expect(await screen.findByText(/^Paragraph 11 /)).toBeInTheDocument();
    expect([...container.querySelectorAll('p')].map((p) => p.textContent!.split(' with')[0])).toEqual(
      paragraphs.map((_, i) => `Paragraph ${i}`),
    );
  });

  it('adds a long list to the page a part a frame (a list is one chunk), ending with the whole list in order', async () => {
    const items = Array.from({ length: 30 }, (_, i) => `- item ${i} $\\frac{x_{${i}}}{\\sqrt{y}}$`);
    const { container } = render(<MarkdownRenderer text={items.join('\n\n')} />);
    expect(container.querySelectorAll('li').length).toBeGreaterThan(0);
    expect(container.querySelectorAll('li').length).toBeLessThan(30);
    await waitFor(() => expect(container.querySelectorAll('li')).toHaveLength(30), { timeout: 15_000 });
    expect(container.querySelectorAll('ul')).toHaveLength(1);
    const shown = [...container.querySelectorAll('li')];
    expect(shown.map((li) => li.querySelector('p')!.firstChild!.textContent)).toEqual(
      items.map((_, i) => `item ${i} `),
    );
    expect(shown.every((li) => li.querySelector('.md-katex > .katex .mfrac'))).toBe(true);
  });

  it('adds a table to the page a few rows a frame, ending with every row once', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => `| r${i} | **b** | \`c\` |`);
    const { container } = render(
      <MarkdownRenderer text={['| a | b | c |', '|---|:-:|---|', ...rows].join('\n')} />,
    );
    expect(container.querySelectorAll('tbody tr').length).toBeLessThan(150);
    await waitFor(() => expect(container.querySelectorAll('tbody tr')).toHaveLength(150), {
      timeout: 15_000,
    });
    expect(container.querySelectorAll('table')).toHaveLength(1);
    expect([...container.querySelectorAll('tbody tr td:first-child')].map((td) => td.textContent)).toEqual(
      rows.map((_, i) => `r${i}`),
    );
    expect(container.querySelector<HTMLElement>('tbody td:nth-child(2)')!.style.textAlign).toBe('center');
  });
});
