#!/usr/bin/env bash
# Packs what test/bench/gpuRun.sh needs on a lent GPU machine, which has no Node, no Chromium and
# no network: this machine's node (xz), the harness bundled (test/bench/gpuBundle.ts) with the
# few packages kept outside it, the wall as built, Debian's Chromium (the one the tests use) with
# every library it links but glibc's, and the GL and Vulkan loaders from Debian. Each folder
# stays under 64 MiB, the most one transfer to the machines this was made for may carry, so
# Chromium travels in parts: .gpu1, .gpu2, and the last part with the rest in .gpu, one transfer
# each. The folders are git-ignored here through .git/info/exclude, and eslint skips them.
# Usage: npm run build && bash test/bench/gpuPack.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
PART_BYTES=56000000
for dir in .gpu .gpu1 .gpu2; do grep -qx "/$dir/" .git/info/exclude 2>/dev/null || echo "/$dir/" >>.git/info/exclude; done
rm -rf .gpu .gpu1 .gpu2 && mkdir -p .gpu/gl .gpu1 .gpu2
[ -f dist/wall/index.html ] || { echo "gpuPack: build the wall first (npm run build)" >&2; exit 2; }
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || { echo "gpuPack: needs Debian's fonts-noto-cjk (npx tsx test/infra/prepare.ts installs it)" >&2; exit 2; }
/usr/bin/python3 -c 'import fontTools' 2>/dev/null || { echo "gpuPack: needs Debian's python3-fonttools (apt-get install python3-fonttools)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

npx tsx test/bench/gpuBundle.ts .gpu
modules=(playwright-core kafkajs snappy @napi-rs/snappy-linux-x64-gnu lz4-napi @antoniomuso/lz4-napi-linux-x64-gnu @bokuweb/zstd-wasm)
tar -C node_modules -cJf .gpu/modules.tar.xz "${modules[@]}"
xz -T0 -6 -c "$(command -v node)" >.gpu/node.xz

mkdir -p "$work/chromium/lib"
cp -a /usr/lib/chromium/. "$work/chromium/"
rm -f "$work"/chromium/libVkLayer_* "$work"/chromium/libVkICD_mock_*
for lib in $(ldd /usr/lib/chromium/chromium | awk '/=>/ { print $3 }' | grep -vE '/(libc|libm|libdl|libpthread|librt|libgcc_s|libstdc\+\+)\.so'); do
  cp -L "$lib" "$work/chromium/lib/"
done
# NSS opens these by name at run time.
cp -L /usr/lib/x86_64-linux-gnu/{libsoftokn3,libfreeblpriv3,libfreebl3}.so "$work/chromium/lib/"
tar -C "$work" -cf - chromium | xz -T0 -6 >"$work/chromium.tar.xz"
split -b "$PART_BYTES" -d -a 1 --numeric-suffixes=1 "$work/chromium.tar.xz" "$work/chromium.part"
[ ! -e "$work/chromium.part4" ] || { echo "gpuPack: Chromium needs more than three parts" >&2; exit 1; }
mv "$work/chromium.part1" .gpu1/ && mv "$work/chromium.part2" .gpu2/ && mv "$work/chromium.part3" .gpu/
o=(-oAPT::Architecture=amd64 -oAPT::Architectures=amd64 -oDir::State::Lists="$work/lists")
mkdir -p "$work/lists/partial"
apt-get "${o[@]}" update -qq
(cd .gpu/gl && apt-get "${o[@]}" download -qq libvulkan1 libegl1 libglvnd0 libopengl0 libgl1 libglx0 libgles2)
# The wall asks for Noto Sans CJK SC, which that machine lacks: its regular and bold faces cut
# down to the characters the built wall and the geo pack hold.
text=$(LC_ALL=C.UTF-8 grep -rhoP '[^\x00-\x7F]' dist/wall geo/pack | sort -u | tr -d '\n')
for weight in Regular Bold; do
  /usr/bin/python3 -m fontTools.subset "/usr/share/fonts/opentype/noto/NotoSansCJK-$weight.ttc" --font-number=2 \
    --text="$text" --unicodes=U+0020-007E --layout-features='*' --output-file=".gpu/NotoSansCJKsc-$weight.otf"
done
du -sh .gpu .gpu1 .gpu2 dist/wall
