"""The shape of the code, as its imports show it: no circles, and nothing reaching back up.

apps/lib is a plain package that imports nothing of the project; no app imports config; the
apps stand in layers (LAYERS), each importing only those below it: an app lower down names a
hook (the outbox's builders, accounts' registry, planning's hooks) and the app above fills it
from its AppConfig. Every import statement counts, those inside functions too: an import moved
into a function to dodge a circle is still a circle.
"""

import ast
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent.parent
FEATURE_APPS = (
    "accounts",
    "audits",
    "checkins",
    "imports",
    "overview",
    "planning",
    "reminders",
    "resources",
)
# Bottom to top: each app may import those before it, and none after it.
LAYERS = (
    "lib",
    "outbox",
    "accounts",
    "resources",
    "checkins",
    "planning",
    "audits",
    "reminders",
    "overview",
    "imports",
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_imports() -> dict[str, set[str]]:
    """Each module of apps/ and config/ (migrations aside), and the project modules it imports."""
    modules = {
        module_name(path): path
        for folder in ("apps", "config")
        for path in (ROOT / folder).rglob("*.py")
        if "migrations" not in path.parts
    }
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            targets = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            found.update(t for t in targets if t in modules)
        graph[name] = found - {name}
    return graph


GRAPH = project_imports()


def test_apps_lib_imports_nothing_of_the_project():
    reaching_up = {
        (module, target)
        for module, targets in GRAPH.items()
        if module.startswith("apps.lib")
        for target in targets
        if not target.startswith("apps.lib")
    }
    assert reaching_up == set()


def test_no_app_imports_config():
    assert {
        m
        for m, targets in GRAPH.items()
        if m.startswith("apps.") and any(t.startswith("config") for t in targets)
    } == set()


def test_the_outbox_imports_none_of_the_apps_that_decide_what_to_send():
    outbox = {t for m, targets in GRAPH.items() if m.startswith("apps.outbox") for t in targets}
    assert {t for t in outbox if t.split(".")[1] in FEATURE_APPS} == set()


def app_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "apps" and len(parts) > 1 else None


def app_imports() -> set[tuple[str, str]]:
    """(app, app it imports), for every import between two apps."""
    return {
        (app_of(module), app_of(target))
        for module, targets in GRAPH.items()
        for target in targets
        if app_of(module) and app_of(target) and app_of(module) != app_of(target)
    }


def test_every_app_has_its_place_in_the_layers():
    apps = {path.name for path in (ROOT / "apps").iterdir() if (path / "__init__.py").exists()}
    assert apps == set(LAYERS)


def test_each_app_imports_only_the_apps_below_it():
    upward = {
        (app, target) for app, target in app_imports() if LAYERS.index(target) > LAYERS.index(app)
    }
    assert upward == set()


def test_the_apps_are_installed_in_their_layers_order():
    """AppConfig.ready runs in INSTALLED_APPS order, and registrations rely on it (a restore
    brings sections back in the order they were registered)."""
    installed = [name.split(".")[1] for name in settings.INSTALLED_APPS if name.startswith("apps.")]
    assert installed == [app for app in LAYERS if app in installed]


def test_the_layer_check_finds_an_import_reaching_up(monkeypatch):
    monkeypatch.setitem(GRAPH, "apps.accounts.views", {"apps.checkins.models"})
    assert ("accounts", "checkins") in app_imports()


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every circle of imports, each found once (depth-first search)."""
    found, state, stack = [], {}, []

    def visit(module: str) -> None:
        state[module] = "open"
        stack.append(module)
        for target in sorted(graph.get(module, ())):
            if state.get(target) == "open":
                found.append([*stack[stack.index(target) :], target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module)
    return found


def test_no_module_imports_itself_through_others():
    assert cycles(GRAPH) == []


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"a": {"b"}, "b": {"a"}}, [["a", "b", "a"]]),
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
    ],
)
def test_the_circle_finder_finds_circles(graph, expected):
    assert cycles(graph) == expected


def test_allauth_is_used_through_its_public_modules_only():
    """allauth's `internal` packages change without notice between releases."""
    internal = {
        (str(path.relative_to(ROOT)), node.module)
        for folder in ("apps", "config", "tests")
        for path in (ROOT / folder).rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(), str(path)))
        if isinstance(node, ast.ImportFrom)
        and (node.module or "").startswith("allauth")
        and "internal" in (node.module or "").split(".")
    }
    assert internal == set()
