import { create } from 'zustand';
import { createDataSlice, type DataSlice } from './data';
import { createUiSlice, type UiSlice } from './ui';

export type Store = UiSlice & DataSlice;

/** The one store, made of slices; components select single fields from it. */
export const useStore = create<Store>()((...a) => ({
  ...createUiSlice(...a),
  ...createDataSlice(...a),
}));
