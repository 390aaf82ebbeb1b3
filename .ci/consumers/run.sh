#!/usr/bin/env bash
# Consumer checks: pack Wamr.Runtime and Wamr.SourceGen, then build and run, outside the repository,
#   RuntimeHello    - restores Wamr.Runtime and runs a procedural hello (also published with NativeAOT);
#   SourceGenHello  - restores only Wamr.SourceGen, binds the native build's wasm_c_api.h itself (My.Wasm),
#                     copies libiwasm beside itself and runs the same hello;
#   AotHello        - restores Wamr.Compiler, precompiles hello.wasm at build time (<WamrAotCompile>, with the
#                     wamr-aot tool installed from Wamr.Compiler.Tool) and in-process, and runs it precompiled.
# Prints one line per check, "PASS <name>" or "FAIL <name>", and exits non-zero if any failed.
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/wamr-consumers.XXXXXX")
trap 'rm -rf "$work"' EXIT

failures=0
result() { if [ "$2" -eq 0 ]; then echo "PASS $1"; else echo "FAIL $1"; failures=$((failures + 1)); fi; }

# A version of its own, so the machine's NuGet cache can never hand back an older package of the same number.
suffix="ci$(date +%s)"
rid=$(dotnet msbuild "$repo/Wamr.Runtime/Wamr.Runtime.csproj" -getProperty:WamrNativeRid)
prefix=$(dotnet msbuild "$repo/Wamr.Runtime/Wamr.Runtime.csproj" -getProperty:VersionPrefix)
version="$prefix-$suffix"

echo "::: dotnet pack Wamr.sln ($version)"
dotnet pack "$repo/Wamr.sln" -c Release --version-suffix "$suffix" -o "$work/packages" -warnaserror
result "pack" $?
for p in Wamr.Runtime Wamr.SourceGen; do
  test -f "$work/packages/$p.$version.nupkg"; result "package $p.$version.nupkg" $?
done
listing=$(unzip -l "$work/packages/Wamr.Runtime.$version.nupkg")
grep -q "runtimes/$rid/native/libiwasm" <<< "$listing"
result "Wamr.Runtime carries runtimes/$rid/native/libiwasm" $?
for part in buildTransitive/Wamr.Runtime.props licenses/LICENSE.wamr.txt licenses/ATTRIBUTIONS.wamr.md lib/net8.0/Wamr.Runtime.xml README.md; do
  grep -q " $part\$" <<< "$listing"; result "Wamr.Runtime carries $part" $?
done
test -f "$work/packages/Wamr.Runtime.$version.snupkg"; result "symbols package Wamr.Runtime.$version.snupkg" $?
listing=$(unzip -l "$work/packages/Wamr.SourceGen.$version.nupkg")
for part in build/Wamr.SourceGen.props build/Wamr.SourceGen.targets; do
  grep -q " $part\$" <<< "$listing"; result "Wamr.SourceGen carries $part" $?
done
grep -q "analyzers/dotnet/cs/Wamr.SourceGen.dll" <<< "$listing"
result "Wamr.SourceGen carries analyzers/dotnet/cs/Wamr.SourceGen.dll" $?
# The AOT compiler ships separately: Wamr.Runtime never carries libwamrc (nor needs LLVM).
for p in Wamr.Compiler Wamr.Compiler.Tool; do
  test -f "$work/packages/$p.$version.nupkg"; result "package $p.$version.nupkg" $?
done
! grep -q "libwamrc" <<< "$(unzip -l "$work/packages/Wamr.Runtime.$version.nupkg")"
result "Wamr.Runtime does not carry libwamrc" $?
listing=$(unzip -l "$work/packages/Wamr.Compiler.$version.nupkg")
for part in "runtimes/$rid/native/libwamrc.so" build/Wamr.Compiler.targets lib/net8.0/Wamr.Compiler.dll licenses/LICENSE.wamr.txt; do
  grep -q " $part\$" <<< "$listing"; result "Wamr.Compiler carries $part" $?
done
grep -q "tools/net8.0/any/wamr-aot.dll" <<< "$(unzip -l "$work/packages/Wamr.Compiler.Tool.$version.nupkg")"
result "Wamr.Compiler.Tool is a dotnet tool (tools/net8.0/any/wamr-aot.dll)" $?

cp -r "$repo/.ci/consumers/." "$work/"
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/packages" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="Wamr.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML

props=(-p:WamrPackageVersion="$version"
       -p:WamrIncludeDir="$repo/artifacts/native/include/"
       -p:WamrNativeLibrary="$(ls "$repo/artifacts/native/$rid/"*iwasm.* | grep -v exports | head -n 1)")

run_hello() { # name, command...
  local name=$1; shift
  local out
  out=$("$@" 2>&1); local code=$?
  printf '%s\n' "$out" | sed 's/^/    /'
  [ $code -eq 0 ] && printf '%s\n' "$out" | grep -qx "Hello World" && printf '%s\n' "$out" | grep -qx "Done."
  result "$name" $?
}

for project in RuntimeHello SourceGenHello; do
  echo "::: $project"
  dotnet build "$work/$project" -c Release "${props[@]}" -warnaserror > "$work/$project.build.log" 2>&1
  code=$?; [ $code -eq 0 ] || tail -n 30 "$work/$project.build.log"
  result "$project builds with no warning" $code
  run_hello "$project prints Hello World" dotnet "$work/$project/bin/Release/net10.0/$project.dll"
done

echo "::: AotHello"
dotnet tool install Wamr.Compiler.Tool --version "$version" --tool-path "$work/tools" --configfile "$work/nuget.config" > "$work/tool.log" 2>&1
code=$?; [ $code -eq 0 ] || tail -n 30 "$work/tool.log"
result "wamr-aot installs from Wamr.Compiler.Tool" $code
dotnet build "$work/AotHello" -c Release "${props[@]}" -p:WamrAotCommand="$work/tools/wamr-aot" -warnaserror > "$work/AotHello.build.log" 2>&1
code=$?; [ $code -eq 0 ] || tail -n 30 "$work/AotHello.build.log"
result "AotHello builds (hello.wasm precompiled by <WamrAotCompile>)" $code
run_hello "AotHello prints Hello World from precompiled code" dotnet "$work/AotHello/bin/Release/net10.0/AotHello.dll"

echo "::: RuntimeHello, NativeAOT"
dotnet publish "$work/RuntimeHello" -c Release -r "$rid" -p:PublishAot=true "${props[@]}" -o "$work/aot" > "$work/aot.log" 2>&1
code=$?; [ $code -eq 0 ] || tail -n 30 "$work/aot.log"
result "RuntimeHello publishes with PublishAot=true" $code
# -warnaserror would also stop on warnings, but AOT/trim analysis warnings are counted explicitly here.
warnings=$(grep -E 'warning (IL|CS|NU)[0-9]+' "$work/aot.log" | sort -u)
[ -z "$warnings" ] || printf '%s\n' "$warnings"
test -z "$warnings"; result "NativeAOT publish has zero AOT/trim warnings" $?
run_hello "NativeAOT RuntimeHello prints Hello World" "$work/aot/RuntimeHello"

exit $((failures > 0))
