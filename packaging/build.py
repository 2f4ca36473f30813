"""Build evdesk's bundle for this OS with PyInstaller: the one command.

    python3 packaging/build.py                 # one-folder bundle: dist/evdesk/ (macOS: also dist/evdesk.app)
    python3 packaging/build.py --onefile       # one self-unpacking file: dist/evdesk (Windows: dist/evdesk.exe)
    python3 packaging/build.py --self-test     # ... then run the built program with --self-test
    python3 packaging/build.py --installer     # ... then the installer: Linux .tar.gz, Windows Inno Setup, macOS .dmg

Needs `pip install -e ".[package]"` (PyInstaller) and, on Linux, binutils and the xcb libraries
(see packaging/README.md). Prints the bundle's size and the build time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "evdesk.spec"
WINDOWS = sys.platform == "win32"
MACOS = sys.platform == "darwin"
LINUX = sys.platform.startswith("linux")


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from evdesk import __version__

    return __version__


def size_of(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def mib(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MiB"


def program_in(dist: Path, onefile: bool) -> Path:
    exe = "evdesk.exe" if WINDOWS else "evdesk"
    return dist / exe if onefile else dist / "evdesk" / exe


def build(dist: Path, work: Path, onefile: bool = False, clean: bool = False, quiet: bool = False) -> Path:
    """Run PyInstaller on the spec; returns the built program's path."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit('PyInstaller is not installed: python3 -m pip install -e ".[package]"') from None
    cmd = [
        sys.executable, "-m", "PyInstaller", "--noconfirm",
        "--distpath", str(dist), "--workpath", str(work),
        "--log-level", "WARN" if quiet else "INFO",
    ]
    if clean:
        cmd.append("--clean")
    cmd.append(str(SPEC))
    if onefile:
        cmd += ["--", "--onefile"]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    subprocess.run(cmd, cwd=ROOT, env=env, check=True)
    program = program_in(dist, onefile)
    if not program.exists():
        raise SystemExit(f"PyInstaller finished but {program} is missing")
    if LINUX and not onefile:
        add_linux_files(dist / "evdesk")
    return program


def add_linux_files(bundle: Path) -> None:
    """The desktop entry, AppStream metadata, icon and install script, laid out as under /usr/share."""
    share = bundle / "share"
    for src, dst in [
        (HERE / "linux" / "evdesk.desktop", share / "applications" / "evdesk.desktop"),
        (HERE / "linux" / "io.evdesk.Evdesk.metainfo.xml", share / "metainfo" / "io.evdesk.Evdesk.metainfo.xml"),
        (HERE / "icons" / "evdesk.png", share / "icons" / "hicolor" / "512x512" / "apps" / "io.evdesk.Evdesk.png"),
        (HERE / "linux" / "install.sh", bundle / "install.sh"),
    ]:
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dst)


def installer(dist: Path, onefile: bool) -> Path:
    v = version()
    if LINUX:
        arch = os.uname().machine
        target = dist / f"evdesk-{v}-linux-{arch}.tar.gz"
        source = program_in(dist, onefile) if onefile else dist / "evdesk"
        with tarfile.open(target, "w:gz", compresslevel=6) as tar:
            tar.add(source, arcname=f"evdesk-{v}" if not onefile else "evdesk")
        return target
    if WINDOWS:
        if onefile:
            raise SystemExit("the Windows installer packs the one-folder build: run without --onefile")
        iscc = shutil.which("iscc") or r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe"
        subprocess.run([iscc, f"/DAppVersion={v}", str(HERE / "windows" / "evdesk.iss")], check=True)
        return dist / f"evdesk-{v}-setup.exe"
    if MACOS:
        target = dist / f"evdesk-{v}-macos.dmg"
        target.unlink(missing_ok=True)
        subprocess.run(["hdiutil", "create", "-volname", "evdesk", "-srcfolder", str(dist / "evdesk.app"),
                        "-ov", "-format", "UDZO", str(target)], check=True)
        return target
    raise SystemExit(f"no installer for {sys.platform}")


def self_test(program: Path, timeout: float = 180) -> int:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)  # the built program must not see the source tree
    started = time.perf_counter()
    proc = subprocess.run([str(program), "--self-test"], env=env, timeout=timeout,
                          capture_output=True, text=True, cwd=program.parent)
    sys.stderr.write(proc.stderr)
    print(proc.stdout.strip())
    print(f"self-test: exit {proc.returncode} after {time.perf_counter() - started:.1f} s")
    return proc.returncode


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--onefile", action="store_true", help="one self-unpacking executable instead of a folder")
    p.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle goes (default: dist/)")
    p.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's work folder")
    p.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    p.add_argument("--quiet", action="store_true", help="PyInstaller's warnings only")
    p.add_argument("--self-test", action="store_true", help="run the built program with --self-test")
    p.add_argument("--installer", action="store_true", help="also make this OS's installer or archive")
    args = p.parse_args(argv)

    started = time.perf_counter()
    program = build(args.dist.resolve(), args.work.resolve(), args.onefile, args.clean, args.quiet)
    built = program if args.onefile else (args.dist.resolve() / ("evdesk.app" if MACOS else "evdesk"))
    print(f"built {built} in {time.perf_counter() - started:.0f} s: {mib(size_of(built))}")
    code = 0
    if args.self_test:
        code = self_test(program)
    if args.installer and code == 0:
        target = installer(args.dist.resolve(), args.onefile)
        print(f"installer {target}: {mib(size_of(target))}")
    return code


if __name__ == "__main__":
    sys.exit(main())
