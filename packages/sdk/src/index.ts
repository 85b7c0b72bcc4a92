export const SDK_NAME = '@jembatan/sdk';
