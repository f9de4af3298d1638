// Depth settings of the flat layers. Layers on the ground share one depth: if they wrote depth
// they would z-fight with each other and clip what is drawn after them, so they only test it
// (buildings in front still hide them) and stack in the order they are listed.
export const GROUND_PARAMETERS = { depthWriteEnabled: false } as const;

// Overlays that must read through the buildings (the heat, live dots), as a translucent glow
// over the 3D scene: dense compounds hide almost all of their ground from a tilted camera.
export const OVERLAY_PARAMETERS = { depthWriteEnabled: false, depthCompare: 'always' } as const;
