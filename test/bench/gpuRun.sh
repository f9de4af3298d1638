#!/usr/bin/env bash
# Runs on a machine with an NVIDIA GPU and nothing installed, from a copy of the checkout with
# the folders test/bench/gpuPack.sh made (.gpu1 and .gpu2 may instead have been left in
# /root/gpu-parts by earlier transfers): unpacks Node and Chromium, points them at the NVIDIA
# driver, then runs test/bench/gpuWall.ts bundled. Results go to $OUT.
set -uo pipefail
OUT=${OUT:-/tmp/gpu-wall-out}
W=/tmp/gpuwall
mkdir -p "$W" "$OUT"
for f in .gpu/gl/*.deb; do dpkg -x "$f" /; done
ldconfig
python3 -c "import lzma, shutil; shutil.copyfileobj(lzma.open('.gpu/node.xz'), open('$W/node', 'wb'))" && chmod +x "$W/node"
python3 -c "import tarfile; tarfile.open('.gpu/modules.tar.xz').extractall('.gpu/node_modules')"
ln -sfn .gpu/node_modules node_modules
# Each part where its transfer left it.
for i in 1 2 3; do cat "$(ls .gpu*/chromium.part$i /root/gpu-parts/chromium.part$i 2>/dev/null | head -1)"; done | xz -d | tar -xf - -C "$W"
mkdir -p /tmp/fonts && cp .gpu/NotoSansCJKsc-*.otf /tmp/fonts/
printf '<?xml version="1.0"?>\n<fontconfig><dir>/tmp/fonts</dir><cachedir>/tmp/fonts-cache</cachedir></fontconfig>\n' >"$W/fonts.conf"

export LD_LIBRARY_PATH="$W/chromium/lib:/usr/local/nvidia/lib64:/usr/local/nvidia/lib:${LD_LIBRARY_PATH:-}"
export FONTCONFIG_FILE="$W/fonts.conf"
icd=$(ls /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd*.json /usr/share/vulkan/icd.d/nvidia_icd*.json /etc/vulkan/icd.d/nvidia_icd*.json 2>/dev/null | head -1)
[ -n "$icd" ] && export VK_DRIVER_FILES="$icd" VK_ICD_FILENAMES="$icd"
egl=$(ls /usr/local/nvidia/share/glvnd/egl_vendor.d/*nvidia*.json /usr/share/glvnd/egl_vendor.d/*nvidia*.json 2>/dev/null | head -1)
[ -n "$egl" ] && export __EGL_VENDOR_LIBRARY_FILENAMES="$egl"
{ nvidia-smi -L; echo "icd=$icd egl=$egl"; ldconfig -p | grep -E 'libEGL|libvulkan|nvidia' | head -20; } 2>&1 | tee "$OUT/machine.txt"

nvidia-smi dmon -s u -d 1 >"$OUT/dmon.txt" 2>&1 &
GPU_WALL_OUT="$OUT" CHROMIUM_PATH="$W/chromium/chromium" "$W/node" .gpu/gpu-wall.mjs 2>&1 | tee "$OUT/run.log"
status=${PIPESTATUS[0]}
kill %1 2>/dev/null
exit "$status"
