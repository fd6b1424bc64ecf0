"""Keep only the NL Design System CSS Rekenhulp uses (run by hand when updating the vendored files).

    python prune.py <unpacked @utrecht/component-library-css>/dist/index.css \
        <unpacked @nl-design-system-unstable/voorbeeld-design-tokens>/dist/theme.css

Writes utrecht-components.css (only the rules of the components below), utrecht-html.css (html.css:
plain HTML elements styled as those components) and voorbeeld-theme.css (only the design tokens with the
prefixes below). The files are the packages' own output, unmodified
otherwise; licence EUPL-1.2 (see LICENSE.md).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

COMPONENTS = {
    "alert", "article", "body", "button", "button-group", "checkbox", "code", "data-list", "document",
    "form-field", "form-field-description", "form-field-error-message", "form-fieldset", "form-label",
    "heading-1", "heading-2", "heading-3", "link", "link-list", "nav-bar", "nav-list", "ordered-list",
    "page", "page-body", "page-content", "page-footer", "page-header", "page-layout", "paragraph",
    "root", "separator", "skip-link", "surface", "table", "table-container", "textbox", "unordered-list",
}
TOKEN_PREFIXES = ("--utrecht-", "--basis-", "--voorbeeld-")


def _blocks(css: str):
    """Split CSS into top-level blocks (prelude, body) and keep nested at-rule bodies intact."""
    i, n = 0, len(css)
    while i < n:
        j = css.find("{", i)
        if j < 0:
            return
        depth, k = 1, j + 1
        while depth and k < n:
            depth += {"{": 1, "}": -1}.get(css[k], 0)
            k += 1
        yield css[i:j].strip(), css[j + 1:k - 1]
        i = k


def _keep_rule(selector: str) -> bool:
    names = {m.group(1) for m in re.finditer(r"\.utrecht-([a-z0-9-]+?)(?:--|__|[^a-z0-9-]|$)", selector)}
    return bool(names) and names <= COMPONENTS


def prune_components(css: str) -> str:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    out = []
    for prelude, body in _blocks(css):
        prelude = re.sub(r"^@charset[^;]*;", "", prelude).strip()
        if prelude.startswith("@keyframes"):
            continue
        if prelude.startswith(("@media", "@supports", "@container")):
            inner = prune_components(body)
            if inner.strip():
                out.append(f"{prelude} {{\n{inner}}}\n")
        elif _keep_rule(prelude):
            decls = ";".join(d.strip() for d in body.split(";") if d.strip())
            out.append(f"{prelude} {{ {decls} }}\n")
    return "".join(out)


def prune_tokens(css: str) -> str:
    keep = [ln for ln in css.splitlines() if ln.strip().startswith(TOKEN_PREFIXES)]
    return ".voorbeeld-theme {\n" + "\n".join(keep) + "\n}\n"


if __name__ == "__main__":
    here = Path(__file__).parent
    head = "/* @license EUPL-1.2 — NL Design System (Frameless B.V., Gemeente Utrecht, NL Design System community). See LICENSE.md. Pruned by prune.py. */\n"
    (here / "utrecht-components.css").write_text(head + prune_components(Path(sys.argv[1]).read_text()))
    (here / "voorbeeld-theme.css").write_text(head + prune_tokens(Path(sys.argv[2]).read_text()))
    # html.css: the same components applied to plain HTML elements inside `.utrecht-html` (comments removed)
    html = Path(sys.argv[1]).with_name("html.css").read_text()
    (here / "utrecht-html.css").write_text(head + re.sub(r"/\*.*?\*/", "", html, flags=re.S))
