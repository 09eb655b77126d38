// The contract vocabulary lives in @dyad/vocabulary (a leaf library every layer reads); re-exported here
// so extraction's names keep working.
export * from '@dyad/vocabulary';
