/** The product's mark: a house on a blue tile. */
export function BrandMark() {
  return (
    <svg className="app-brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="6" fill="#1f5fbf" />
      <path d="M7 16 16 8l9 8v9h-6v-6h-6v6H7z" fill="#fff" />
    </svg>
  );
}
