"""The repository documents itself, and its documents point only at what is in it."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
CODE = re.compile(r"`((?:apps|config|tests|templates|static|bench|docs|\.ci)/[^`\s]*)`")
MARKDOWN_FILE = re.compile(r"(?<![\w/.-])((?:[\w.-]+/)*[\w.-]+\.md)\b")


def tracked_files() -> list[Path]:
    listing = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True, timeout=30
    ).stdout
    return [ROOT / name for name in listing.splitlines()]


def test_the_readme_leads_to_the_architecture_the_contributing_guide_and_the_licence():
    readme = (ROOT / "README.md").read_text()

    for target in ("docs/architecture.md", "CONTRIBUTING.md", "LICENSE"):
        assert f"]({target})" in readme
        assert (ROOT / target).is_file()
    assert "BSD 3-Clause License" in (ROOT / "LICENSE").read_text()


def test_every_link_and_path_in_the_documents_exists():
    missing = []
    for doc in DOCS:
        text = doc.read_text()
        for target in LINK.findall(text):
            if "://" not in target and not (doc.parent / target).exists():
                missing.append((doc.name, target))
        for path in CODE.findall(text):
            if not any(ROOT.glob(path.rstrip("/").split("#")[0])):
                missing.append((doc.name, path))
    assert missing == []


def test_no_file_in_the_repository_names_a_markdown_file_that_is_not_there():
    missing = set()
    for path in tracked_files():
        if path.suffix not in {".py", ".md", ".txt", ".toml", ".yml", ".html", ""} or not (
            path.is_file()
        ):
            continue
        for name in MARKDOWN_FILE.findall(path.read_text(errors="ignore")):
            if not ((ROOT / name).exists() or (path.parent / name).exists()):
                missing.add((str(path.relative_to(ROOT)), name))
    assert missing == set()
