using Microsoft.Playwright;

namespace ServiceHall.BrowserTests.Infrastructure;

/// <summary>What a layout check allows on a page: public devices show everything at once, staff and phone pages scroll.</summary>
public sealed record LayoutRules
{
    /// <summary>The page may be taller than the viewport (phone and staff pages); it may never be wider.</summary>
    public bool AllowVerticalScroll { get; init; }

    /// <summary>Smallest width and height of anything a finger taps (64 px on kiosk and pad); 0 checks nothing.</summary>
    public int MinTouchTarget { get; init; }

    /// <summary>CSS selectors of parts left out of every check (e.g. a decorative background).</summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];

    /// <summary>Kiosk and rating pad: one screen, big targets.</summary>
    public static LayoutRules Touch => new() { MinTouchTarget = 64 };

    /// <summary>The call display: one screen, nothing tapped.</summary>
    public static LayoutRules Screen => new();

    /// <summary>Phone pages: scroll vertically, never sideways.</summary>
    public static LayoutRules Scrolling => new() { AllowVerticalScroll = true };

    /// <summary>Staff and back-office pages (MudBlazor): scroll vertically; an outlined field's label sits on its border by design;
    /// MudBlazor's tab header measures its own labels (its slider makes a tab wider inside than out).</summary>
    public static LayoutRules BackOffice => new() { AllowVerticalScroll = true, Ignore = [".mud-input-label", ".mud-tab"] };
}

/// <summary>
/// Asserts the layout as a person sees it: no visible element outside the viewport, cut off by a parent that
/// hides its overflow, or overlapping another; touch targets big enough; Chinese glyphs rendered by a real font.
/// </summary>
public static class Layout
{
    public static async Task AssertAsync(IPage page, LayoutRules rules)
    {
        var problems = await ProblemsAsync(page, rules);
        Assert.True(problems.Length == 0,
            $"Layout of {page.Url} at {page.ViewportSize?.Width}×{page.ViewportSize?.Height}:{Environment.NewLine}" +
            string.Join(Environment.NewLine, problems.Take(25)));
    }

    /// <summary>Each thing wrong with the page's layout, described for a test's failure message.</summary>
    public static async Task<string[]> ProblemsAsync(IPage page, LayoutRules rules)
    {
        await page.EvaluateAsync("() => document.fonts.ready");
        return await page.EvaluateAsync<string[]>(Script, new
        {
            allowVerticalScroll = rules.AllowVerticalScroll,
            minTouchTarget = rules.MinTouchTarget,
            ignore = rules.Ignore.ToArray(),
        });
    }

    /// <summary>Chinese text on the page is drawn with a font that has the glyphs, not as empty boxes (tofu).</summary>
    public static async Task AssertCjkRenderedAsync(IPage page)
    {
        await page.EvaluateAsync("() => document.fonts.ready");
        var problem = await page.EvaluateAsync<string?>(CjkScript);
        Assert.True(problem is null, $"{page.Url}: {problem}");
    }

    private const string CjkScript = """
        () => {
          const sample = [...new Set(document.body.innerText.match(/[\u4e00-\u9fff]/g) || [])].slice(0, 8);
          if (sample.length < 2) return 'no Chinese text on the page';
          const font = `40px ${getComputedStyle(document.body).fontFamily}`;
          // A character without a glyph is drawn as the same .notdef box as any other: compare the pixels.
          const pixels = ch => {
            const canvas = document.createElement('canvas');
            canvas.width = canvas.height = 48;
            const g = canvas.getContext('2d');
            g.font = font;
            g.fillStyle = '#000';
            g.fillText(ch, 2, 40);
            return g.getImageData(0, 0, 48, 48).data.join(',');
          };
          const missing = pixels('\u{10FFFD}');
          const drawn = sample.map(pixels);
          const boxes = sample.filter((ch, i) => drawn[i] === missing || drawn.indexOf(drawn[i]) !== i);
          return boxes.length ? `Chinese glyphs are not rendered (${boxes.join('')} drawn as empty boxes)` : null;
        }
        """;

    private const string Script = """
        ({ allowVerticalScroll, minTouchTarget, ignore }) => {
          const problems = [];
          const vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
          const describe = el => {
            let d = el.tagName.toLowerCase();
            if (el.id) d += '#' + el.id;
            if (typeof el.className === 'string' && el.className.trim()) d += '.' + el.className.trim().split(/\s+/).slice(0, 2).join('.');
            const t = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ');
            return t ? `${d} "${t.slice(0, 30)}"` : d;
          };
          const ignored = el => ignore.some(s => el.closest(s));
          const visible = el => {
            const s = getComputedStyle(el);
            if (s.display === 'none' || s.visibility !== 'visible' || parseFloat(s.opacity) === 0) return false;
            const r = el.getBoundingClientRect();
            return r.width > 0.5 && r.height > 0.5;
          };
          // With a modal open, only the modal is in front of the person.
          const modal = [...document.querySelectorAll('[aria-modal="true"], dialog[open], .mud-dialog')].filter(visible).pop();
          const root = modal || document.body;
          const hasOwnText = el => [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
          const isContent = el => hasOwnText(el) || el.matches('button, input, select, textarea, img, svg, canvas, video, [role=button]');
          const content = [...root.querySelectorAll('*')]
            .filter(el => !el.closest('svg') || el.tagName.toLowerCase() === 'svg')
            .filter(el => !el.closest('script, style, noscript, template, head'))
            .filter(el => !ignored(el) && visible(el) && isContent(el));

          if (!allowVerticalScroll && document.documentElement.scrollHeight > vh + 1)
            problems.push(`the page is ${document.documentElement.scrollHeight} px tall in a ${vh} px viewport`);
          if (document.documentElement.scrollWidth > vw + 1)
            problems.push(`the page is ${document.documentElement.scrollWidth} px wide in a ${vw} px viewport`);

          // The visible part of an element: its box clipped by every ancestor that hides or scrolls its overflow.
          const clip = el => {
            let r = el.getBoundingClientRect();
            let box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom, cutBy: null };
            // A fixed element (a dialog) is placed by the viewport: ancestors above it do not clip it.
            let escaped = getComputedStyle(el).position === 'fixed';
            for (let a = el.parentElement; a && a !== document.documentElement && !escaped; a = a.parentElement) {
              const s = getComputedStyle(a);
              escaped = s.position === 'fixed';
              const hides = /hidden|clip/.test(s.overflowX + s.overflowY);
              const scrolls = /auto|scroll/.test(s.overflowX + s.overflowY);
              if (!hides && !scrolls) continue;
              const ar = a.getBoundingClientRect();
              const inner = { left: Math.max(box.left, ar.left), top: Math.max(box.top, ar.top), right: Math.min(box.right, ar.right), bottom: Math.min(box.bottom, ar.bottom) };
              const cut = inner.left > box.left + 1 || inner.top > box.top + 1 || inner.right < box.right - 1 || inner.bottom < box.bottom - 1;
              if (cut && hides && !scrolls && !box.cutBy) box.cutBy = a;
              box = { ...inner, cutBy: box.cutBy };
            }
            return box;
          };

          const boxes = [];
          for (const el of content) {
            const r = el.getBoundingClientRect();
            const box = clip(el);
            const hidden = box.right - box.left < 0.5 || box.bottom - box.top < 0.5;
            if (box.cutBy && !(el.tagName.toLowerCase() === 'svg' && box.cutBy.matches('button, [role=button]'))) problems.push(`${describe(el)} is cut off by ${describe(box.cutBy)}${hidden ? ' (not visible at all)' : ''}`);
            if (hidden) continue; // scrolled out of its container, or reported as cut off just now
            if (hasOwnText(el) && el.scrollWidth > el.clientWidth + 1 && /hidden|clip/.test(getComputedStyle(el).overflowX))
              problems.push(`${describe(el)}: its text is cut off (${el.scrollWidth} px in ${el.clientWidth} px)`);
            const outside = r.left < -1 || r.right > vw + 1 || (!allowVerticalScroll && (r.top < -1 || r.bottom > vh + 1));
            if (outside)
              problems.push(`${describe(el)} is outside the ${vw}×${vh} viewport (${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)})`);
            boxes.push({ el, box });
          }

          // Two things a person reads or taps must not cover each other (one inside the other is fine).
          for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i], b = boxes[j];
              if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
              // A form field's box holds its own floating label and buttons; its text is checked for clipping above.
              if (a.el.matches('input, textarea, select') || b.el.matches('input, textarea, select')) continue;
              const w = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
              const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
              if (w > 2 && h > 2) problems.push(`${describe(a.el)} overlaps ${describe(b.el)} (${Math.round(w)}×${Math.round(h)} px)`);
            }
          }

          if (minTouchTarget > 0) {
            const targets = [...root.querySelectorAll('button, a[href], input:not([type=hidden]), select, textarea, [role=button], [onclick]')]
              .filter(el => !ignored(el) && visible(el));
            for (const el of targets) {
              // A check box or radio button is tapped through its label.
              const target = el.matches('input[type=checkbox], input[type=radio]') ? (el.closest('label') || el) : el;
              const r = target.getBoundingClientRect();
              if (r.width < minTouchTarget - 0.5 || r.height < minTouchTarget - 0.5)
                problems.push(`${describe(el)} is a ${Math.round(r.width)}×${Math.round(r.height)} px touch target (at least ${minTouchTarget})`);
            }
          }
          return problems;
        }
        """;
}
