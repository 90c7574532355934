import { describe, expect, it } from 'vitest';
import { escapeHtml, renderReport, reportFigures, scriptSafeJson } from '../../../src/io/report.js';
import { sampleResult } from '../../fixtures/sampleResult.js';

const plotly = { source: 'window.Plotly = {};' };

function figureJson(html: string): unknown {
  const match = /<script type="application\/json" id="engram-figures">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('no figure JSON');
  return JSON.parse(match[1]);
}

describe('renderReport', () => {
  it('renderReport(result) shows title, paper, expected result, parameters, metrics and comparisons', () => {
    const html = renderReport(sampleResult(), { plotly });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<h1>Sample &#60;experiment&#62; &#38; co</h1>');
    expect(html).toContain('Doe &#38; Roe (2020), J. Tests 1:1');
    expect(html).toContain('rate about 5 Hz');
    expect(html).toMatch(/<td class="name">tauM<\/td><td class="num changed">15<\/td><td>ms<\/td><td class="num muted">20<\/td><td>membrane time constant<\/td>/);
    expect(html).toMatch(/<td class="name">rate<\/td><td class="num">5\.25<\/td>/);
    expect(html).toContain('<td class="pass">✓ pass</td>');
    expect(html).toContain('<td class="fail">✗ fail</td>');
    expect(html).toContain('1 of 2 within tolerance');
    expect(html).toContain('0123456789ab');
  });

  it('renderReport(result) embeds one built figure per FigureSpec, with title objects', () => {
    const html = renderReport(sampleResult(), { plotly });
    expect(html).toContain('id="figure-0" data-kind="raster"');
    expect(html).toContain('id="figure-1" data-kind="membrane"');
    const figures = figureJson(html) as { data: unknown[]; layout: { title: { text: string } } }[];
    expect(figures).toHaveLength(2);
    expect(figures[0].layout.title.text).toBe('Raster');
    expect(figures[1].data.length).toBeGreaterThan(0);
  });

  it('renderReport(result, { plotly: { source } }) inlines plotly and forbids network access', () => {
    const html = renderReport(sampleResult(), { plotly });
    expect(html).toContain('<script>window.Plotly = {};</script>');
    expect(html).toContain("default-src 'none'");
    expect(html).toContain("connect-src 'none'");
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('renderReport(result, { plotly: { src } }) references plotly beside the page', () => {
    expect(renderReport(sampleResult(), { plotly: { src: 'plotly.js' } })).toContain('<script src="plotly.js"></script>');
  });

  it('renderReport() of an interrupted quick run says so', () => {
    const html = renderReport(sampleResult({ status: 'interrupted', quick: true }), { plotly });
    expect(html).toContain('interrupted — partial result');
    expect(html).toContain('<span class="badge">quick</span>');
  });

  it('renderReport() shows a figure that cannot be built as an error box instead of failing', () => {
    const result = sampleResult({ figures: [{ kind: 'no-such-kind', title: 'Broken', series: {} }] });
    const html = renderReport(result, { plotly });
    expect(html).toMatch(/class="figure-error"[^>]*>Figure “Broken” could not be drawn: figure &#39;Broken&#39;: unknown kind/);
    expect(figureJson(html)).toEqual([null]);
  });

  it('renderReport() keeps </script> in data from closing the script element', () => {
    const result = sampleResult({ figures: [{ kind: 'line', title: '</script><script>alert(1)</script>', series: { x: 't', y: 't' } }] });
    const html = renderReport(result, { plotly });
    expect(html.match(/<\/script>/g)).toHaveLength(3);
  });

  it('reportFigures(result) builds every figure or keeps its error', () => {
    const figures = reportFigures(sampleResult());
    expect(figures.map((f) => ('figure' in f ? 'built' : f.error))).toEqual(['built', 'built']);
  });
});

describe('escapeHtml and scriptSafeJson', () => {
  it('escapeHtml(text) escapes the five HTML special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });

  it('scriptSafeJson(value) has no < or > and parses back', () => {
    const value = { s: '</script><!--', u: '\u2028' };
    const text = scriptSafeJson(value);
    expect(text).not.toMatch(/[<>\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
