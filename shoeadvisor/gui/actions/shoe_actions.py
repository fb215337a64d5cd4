"""What the runner does with their shoes: add, edit, duplicate, remove, import, export, similar."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .context import ActionContext, Command

if TYPE_CHECKING:
    from shoeadvisor.core.shoes import Shoe

    from ..widgets.shoe_editor import ShoeEditor
    from ..widgets.similar_dialog import SimilarShoesDialog

SHOE_FILES = "Shoe checklists (*.json);;All files (*)"
#: At most this many shoes are compared side by side.
MAX_COMPARED = 4

Select = Callable[[Sequence[str]], None]


def _no_selection(_ids: Sequence[str]) -> None:
    return None


class _ShoeCommand(Command):
    def __init__(self, context: ActionContext, select: Select = _no_selection) -> None:
        super().__init__(context)
        self.select = select

    def _find(self, shoe_id: str) -> Shoe | None:
        return next((s for s in self.session.shoes if s.id == shoe_id), None)

    def _open_editor(self, shoe: Shoe | None, saved: Callable[[Shoe], None]) -> ShoeEditor:
        """The shoe editor, open without blocking; `saved` gets the shoe once accepted."""
        from ..widgets.shoe_editor import ShoeEditor

        advice = self.session.advice
        editor = ShoeEditor(
            self.session.knowledge,
            advice.features if advice is not None else None,
            shoe,
            taken_ids=[s.id for s in self.session.shoes],
            parent=self.context.parent,
        )

        def accepted() -> None:
            result = editor.shoe()
            if result is not None:
                saved(result)

        editor.accepted.connect(accepted)
        editor.finished.connect(editor.deleteLater)
        editor.open()
        return editor

    def _apply(self, shoes: Sequence[Shoe], select: Sequence[str] = ()) -> None:
        self.session.set_shoes(shoes)  # a failed save is kept and told in the status bar
        if select:
            self.select(select)


class _OneShoe(_ShoeCommand):
    """An action on one of the runner's shoes, named by its id."""

    def __init__(self, context: ActionContext, shoe_id: str, select: Select = _no_selection):
        super().__init__(context, select)
        self.shoe_id = shoe_id


class AddShoe(_ShoeCommand):
    """The shoe editor for a new shoe (from scratch or from a built-in type)."""

    text = "Add shoe…"

    def do(self) -> ShoeEditor:
        return self._open_editor(None, self._added)

    def _added(self, shoe: Shoe) -> None:
        self._apply([*self.session.shoes, shoe], [shoe.id])


class EditShoe(_OneShoe):
    text = "Edit…"

    def do(self) -> ShoeEditor | None:
        shoe = self._find(self.shoe_id)
        if shoe is None:
            return None
        return self._open_editor(shoe, self._edited)

    def _edited(self, shoe: Shoe) -> None:
        self._apply([shoe if s.id == shoe.id else s for s in self.session.shoes], [shoe.id])


class DuplicateShoe(_OneShoe):
    """A copy of a shoe right after it, e.g. for another size."""

    text = "Duplicate"

    def do(self) -> str | None:
        from ..widgets.shoe_editor import new_shoe_id

        shoes = list(self.session.shoes)
        original = self._find(self.shoe_id)
        if original is None:
            return None
        copy = original.model_copy(
            update={
                "id": new_shoe_id([s.id for s in shoes]),
                "name": f"{original.name[:190]} (copy)",
            }
        )
        at = shoes.index(original) + 1
        self._apply([*shoes[:at], copy, *shoes[at:]], [copy.id])
        return copy.id


class RemoveShoes(_ShoeCommand):
    """Remove shoes from the list, once the runner confirms."""

    text = "Remove"

    def __init__(self, context: ActionContext, shoe_ids: Sequence[str]) -> None:
        super().__init__(context)
        self.shoe_ids = list(shoe_ids)

    def do(self) -> bool:
        gone = [s for s in self.session.shoes if s.id in set(self.shoe_ids)]
        if not gone:
            return False
        names = ", ".join(s.name for s in gone[:5]) + ("…" if len(gone) > 5 else "")
        plural = "s" if len(gone) != 1 else ""
        question = f"Remove {len(gone)} shoe{plural} from your list? ({names})"
        if not self.context.dialogs.confirm(self.context.parent, "Remove shoes", question):
            return False
        ids = {s.id for s in gone}
        self._apply([s for s in self.session.shoes if s.id not in ids])
        return True


class ImportShoes(_ShoeCommand):
    """Add the shoes of a contract §2 file; nothing already in the list is overwritten."""

    text = "Import…"

    def do(self) -> int:
        from shoeadvisor.core.files import InputFileError, load_shoes

        from ..widgets.shoe_editor import new_shoe_id

        ask, parent = self.context.dialogs, self.context.parent
        name = ask.open_file(parent, "Import shoes", SHOE_FILES)
        if not name:
            return 0
        try:
            imported = load_shoes(name)
        except InputFileError as exc:
            ask.warn(parent, "These shoes could not be imported", str(exc))
            return 0
        shoes = list(self.session.shoes)
        taken = {s.id for s in shoes}
        added: list[Shoe] = []
        for shoe in imported:
            if shoe.id in taken:  # keep both
                shoe = shoe.model_copy(update={"id": new_shoe_id(taken)})
            taken.add(shoe.id)
            added.append(shoe)
        self._apply([*shoes, *added], [s.id for s in added[:MAX_COMPARED]])
        return len(added)


class ExportShoes(_ShoeCommand):
    """The runner's shoes as a contract §2 file."""

    text = "Export…"

    def do(self) -> Path | None:
        return self.export(
            "Export shoes",
            "my-shoes.json",
            SHOE_FILES,
            self.session.export_shoes,
            "The shoes could not be exported",
        )


def similar_text(context: ActionContext, target: Shoe) -> str:
    """The shoes closest to `target` among the runner's and the built-in types, as HTML."""
    from shoeadvisor.core import labels
    from shoeadvisor.core.similar import similar_shoes
    from shoeadvisor.core.summaries import SimilarFinding, similar_lines

    from ..widgets.rich_text import lines_html

    session = context.session
    kb = session.knowledge
    advice = session.advice
    own = [s for s in session.shoes if s.id != target.id]
    candidates = [*own, *(s for s in kb.catalog if s.id != target.id)]
    found = similar_shoes(target, candidates, advice.features if advice is not None else None, 5)
    fit: dict[str, int] = {}
    if advice is not None:
        fit = {s.shoe.id: s.score for s in (*advice.shoes, *session.catalog_scores)}
    names = {fid: labels.feature(fid, kb) for fid in kb.features}
    findings = [
        SimilarFinding(
            item.shoe.name, item.shoe.archetype, fit.get(item.shoe.id), item.explanation(names)
        )
        for item in found
    ]
    return lines_html(similar_lines(target.name, findings, advice is not None), paragraphs=True)


class ShowSimilarShoes(_OneShoe):
    """The shoes most like one shoe, with what matches, what differs and what is unknown."""

    text = "Similar shoes…"

    def do(self) -> SimilarShoesDialog | None:
        from ..widgets.similar_dialog import SimilarShoesDialog

        target = self._find(self.shoe_id)
        if target is None:
            return None
        html = similar_text(self.context, target)
        dialog = SimilarShoesDialog(html, f"Shoes like {target.name}", self.context.parent)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
