import { render } from '@testing-library/react';
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
