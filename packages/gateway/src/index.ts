export const GATEWAY_NAME = '@jembatan/gateway';
