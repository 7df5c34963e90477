/** Placeholder rows while the first page loads. */
export function NotificationSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <div className="skeleton-list" role="status" aria-label="Loading notifications">
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} className="skeleton-row" aria-hidden>
          <span className="skeleton skeleton--dot" />
          <div className="skeleton-row__lines">
            <span className="skeleton skeleton--title" />
            <span className="skeleton skeleton--body" />
            <span className="skeleton skeleton--chip" />
          </div>
        </div>
      ))}
    </div>
  );
}
