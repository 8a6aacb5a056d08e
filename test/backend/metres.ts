/** Great-circle metres between two points, worked out here independently of the engine (what its straight-line model measures). */
const R = 6_371_008.8;
export const metres = (lon1: number, lat1: number, lon2: number, lat2: number) => {
  const r = Math.PI / 180,
    a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(a));
};
