"""A faster, result-identical ``HistoricalResolver._load_reverse_xref_cache`` for pyHanko 0.38.

Why: pyHanko's difference analysis (is a later revision only adding signatures?) first maps every path from the
trailer to every indirect object of the signed revision. It walks the whole direct-object subtree below an object
once per path that reaches it. In a WeasyPrint report the fonts and the ICC profile are reached through every
page's XObjects (~36,000 paths in the 55-page hotel report) and a CJK font's /W array holds thousands of numbers,
so verifying the assessor's signature took 11-15 s on 2 cores. This copy skips direct arrays and dictionaries that
hold no indirect reference, which cannot add a path: 1.2 s, and tests/signing/test_speedup.py checks that the
mapping is identical to pyHanko's.

``install()`` replaces pyHanko's method once, under a lock, and only if that method's source is exactly the one
this was copied from (its SHA-256 after ``textwrap.dedent``, ``ORIGINAL_SOURCE_SHA256``). Anything else, another
pyHanko release or a method someone else already replaced, runs unpatched; ``refused`` says why.

The body of ``_load_reverse_xref_cache`` below is pyHanko's, changed only by the ``_may_hold_refs`` guard, and is
used under pyHanko's licence:

    MIT License

    Copyright (c) 2020-2023 Matthias Valvekens

    Permission is hereby granted, free of charge, to any person obtaining a copy
    of this software and associated documentation files (the "Software"), to deal
    in the Software without restriction, including without limitation the rights
    to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
    copies of the Software, and to permit persons to whom the Software is
    furnished to do so, subject to the following conditions:

    The above copyright notice and this permission notice shall be included in all
    copies or substantial portions of the Software.

    THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
    IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
    FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
    AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
    LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
    OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
    SOFTWARE.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
import textwrap
import threading
from collections import defaultdict
from typing import Any

# sha256(textwrap.dedent(inspect.getsource(HistoricalResolver._load_reverse_xref_cache))) in pyHanko 0.38.0
ORIGINAL_SOURCE_SHA256 = "9c64ffd8d0a53449a3bd80f3dc2b042e7fda43e0d88036bcc9e517d8a18a19bf"
ORIGINAL = None  # pyHanko's own method, kept for the equivalence test
refused: str | None = None  # why the method was not replaced, once install() has declined
_installed = False
_lock = threading.Lock()
log = logging.getLogger(__name__)


def install() -> bool:
    """Replace pyHanko's method if it is exactly the one this was copied from. Idempotent and thread-safe; a
    refusal is logged once and kept in ``refused``."""
    global _installed, ORIGINAL, refused
    with _lock:
        if _installed:
            return True
        if refused is not None:
            return False
        from pyhanko.pdf_utils.reader import HistoricalResolver

        current = HistoricalResolver.__dict__.get("_load_reverse_xref_cache")
        if current is _load_reverse_xref_cache:
            _installed = True
            return True
        reason = _mismatch(current)
        if reason is not None:
            refused = reason
            log.warning("pyHanko's signature check runs without pia-wizard's speed-up: %s", reason)
            return False
        ORIGINAL = current
        HistoricalResolver._load_reverse_xref_cache = _load_reverse_xref_cache
        _installed = True
        return True


def _mismatch(current: Any) -> str | None:
    """Why ``current`` is not pyHanko 0.38's method, or None when it is."""
    from pyhanko.version import __version__

    if not inspect.isfunction(current):
        return f"HistoricalResolver._load_reverse_xref_cache is {type(current).__name__}, not a plain function"
    if hasattr(current, "__wrapped__"):
        # inspect.getsource would read the wrapped function's source, not the wrapper's
        return "HistoricalResolver._load_reverse_xref_cache is wrapped by something else"
    try:
        source = textwrap.dedent(inspect.getsource(current))
    except (OSError, TypeError) as e:
        return f"the source of pyHanko {__version__}'s HistoricalResolver._load_reverse_xref_cache is unavailable ({e})"
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
    if digest != ORIGINAL_SOURCE_SHA256:
        return (f"HistoricalResolver._load_reverse_xref_cache (pyHanko {__version__}) is not the method it was "
                f"copied from (source SHA-256 {digest[:16]}…, expected {ORIGINAL_SOURCE_SHA256[:16]}…)")
    return None


def _load_reverse_xref_cache(self: Any) -> None:
    from pyhanko.pdf_utils import generic, misc
    from pyhanko.pdf_utils.reader import RawPdfPath

    if self._indirect_object_access_cache is not None:
        return

    collected = defaultdict(set)
    memo: dict[int, tuple[Any, bool]] = {}  # id -> (object kept alive so the id stays unique, result)

    def _may_hold_refs(o: Any) -> bool:
        if isinstance(o, generic.IndirectObject):
            return True
        if not isinstance(o, generic.DictionaryObject | generic.ArrayObject):
            return False
        hit = memo.get(id(o))
        if hit is not None:
            return hit[1]
        values = o.values() if isinstance(o, generic.DictionaryObject) else o
        result = any(_may_hold_refs(v) for v in values)
        memo[id(o)] = (o, result)
        return result

    def _compute_paths_to_refs(obj, cur_path, seen_in_path, *, page_tree_objs, is_struct_tree, struct_tree_objs):
        if isinstance(obj, generic.IndirectObject):
            obj_ref = obj.reference
            if obj_ref in seen_in_path:
                return
            collected[obj_ref].add(cur_path)
            seen_in_path = seen_in_path.cons(obj_ref)
            obj = self(obj_ref)
            canonical_path = page_tree_objs.get(obj_ref, cur_path)
            if cur_path != canonical_path:
                return
            if not is_struct_tree and obj_ref in struct_tree_objs:
                return
        if not _may_hold_refs(obj):
            return
        if isinstance(obj, generic.DictionaryObject):
            for k, v in obj.items():
                if k == '/Parent' or (is_struct_tree and k == '/P'):
                    continue
                _compute_paths_to_refs(
                    v,
                    cur_path.cons(k),
                    seen_in_path,
                    page_tree_objs=page_tree_objs,
                    is_struct_tree=is_struct_tree
                    or (
                        cur_path.head == '/StructTreeRoot'
                        and k == '/K'
                        and cur_path.tail == misc.ConsList.sing('/Root')
                    ),
                    struct_tree_objs=struct_tree_objs,
                )
        elif isinstance(obj, generic.ArrayObject):
            for ix, v in enumerate(obj):
                _compute_paths_to_refs(
                    v,
                    cur_path.cons(ix),
                    seen_in_path,
                    page_tree_objs=page_tree_objs,
                    is_struct_tree=is_struct_tree,
                    struct_tree_objs=struct_tree_objs,
                )

    def _collect_page_tree_refs(pages_obj, path):
        for ix, kid in enumerate(pages_obj['/Kids']):
            kid_path = path.cons('/Kids').cons(ix)
            if isinstance(kid, generic.IndirectObject):
                yield kid.reference, kid_path
            kid = kid.get_object()
            if kid.get('/Type', None) == '/Pages':
                yield from _collect_page_tree_refs(kid, kid_path)

    def _collect_struct_tree_refs(struct_elem):
        try:
            children = struct_elem['/K']
        except KeyError:
            return
        if not isinstance(children, generic.ArrayObject):
            children = (children,)
        for child in children:
            child_ref = None
            if isinstance(child, generic.IndirectObject):
                child_ref = child.reference
                child = child.get_object()
            if not isinstance(child, generic.DictionaryObject):
                continue
            try:
                if child['/Type'] != '/StructElem':
                    continue
            except KeyError:
                pass
            if child_ref is not None:
                yield child_ref
            yield from _collect_struct_tree_refs(child)

    pages_ref = self.root.raw_get('/Pages')
    pages_path = misc.ConsList.sing('/Root').cons('/Pages')
    page_tree_nodes = {}
    if isinstance(pages_ref, generic.IndirectObject):
        page_tree_nodes[pages_ref.reference] = pages_path
    for ref, path in _collect_page_tree_refs(pages_ref.get_object(), pages_path):
        if ref in page_tree_nodes:
            raise misc.PdfReadError("Circular reference in page tree in mapping stage")
        page_tree_nodes[ref] = path
    struct_tree_nodes = set()
    try:
        struct_tree_root_ref = self.root.raw_get('/StructTreeRoot')
        struct_tree_root = struct_tree_root_ref.get_object()
        for ref in _collect_struct_tree_refs(struct_tree_root):
            if ref in struct_tree_nodes:
                raise misc.PdfReadError("Circular reference in structure tree in mapping stage")
            struct_tree_nodes.add(ref)
    except KeyError:
        pass
    _compute_paths_to_refs(
        self.trailer_view,
        misc.ConsList.empty(),
        misc.ConsList.empty(),
        page_tree_objs=page_tree_nodes,
        is_struct_tree=False,
        struct_tree_objs=struct_tree_nodes,
    )

    self._indirect_object_access_cache = {
        ref: {RawPdfPath(*reversed(list(p))) for p in paths} for ref, paths in collected.items()
    }
