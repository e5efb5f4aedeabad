package main

import (
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"os"
)

// cropPNG cuts the rows at the bottom of a screenshot that are all the colour of its
// bottom-left pixel (the page background below the content), keeping `margin` px of them:
// headless Chromium screenshots the whole window, and the window is made taller than the page.
func cropPNG(in, out string, margin int) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	img, err := png.Decode(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	b := img.Bounds()
	bg := img.At(b.Min.X, b.Max.Y-1)
	last := b.Min.Y
	for y := b.Max.Y - 1; y >= b.Min.Y; y-- {
		uniform := true
		for x := b.Min.X; x < b.Max.X; x++ {
			if img.At(x, y) != bg {
				uniform = false
				break
			}
		}
		if !uniform {
			last = y
			break
		}
	}
	height := last - b.Min.Y + 1 + margin
	if height > b.Dy() {
		height = b.Dy()
	}
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), height))
	draw.Draw(dst, dst.Bounds(), img, b.Min, draw.Src)
	o, err := os.Create(out)
	if err != nil {
		return err
	}
	defer o.Close()
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	return enc.Encode(o, dst)
}
