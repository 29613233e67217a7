-- CreateIndex
CREATE INDEX "reviews_lockedAt_heldOn_idx" ON "reviews"("lockedAt", "heldOn");

-- CreateIndex
CREATE INDEX "reviews_heldOn_idx" ON "reviews"("heldOn");
